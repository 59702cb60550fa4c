namespace Moatown.Campaigns.Rolls;

/// <summary>
/// The purpose each encrypted field is bound to: a ciphertext only decrypts in its own field.
/// </summary>
internal static class PersonalDataPurposes
{
    public const string OwnerId = "holder.ownerId";
    public const string Name = "holder.name";
    public const string BirthDate = "holder.birthDate";
    public const string Phone = "holder.phone";
    public const string Address = "holder.address";
    /// <summary>The blind index that finds a holder again across roll versions.</summary>
    public const string HolderKey = "holder.key";
}
