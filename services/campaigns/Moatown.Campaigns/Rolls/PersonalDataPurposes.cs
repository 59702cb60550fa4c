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
    /// <summary>The blind index that finds a person by name and birth date (certificate providers).</summary>
    public const string PersonIndex = "holder.person";
    /// <summary>The blind index that finds a person by name, birth date and phone (the QR entry page).</summary>
    public const string ContactIndex = "holder.contact";
    /// <summary>
    /// The blind index of a phone number that identity throttles verification codes by; the same
    /// purpose in every service that holds the blind-index key, so they agree on it.
    /// </summary>
    public const string PhoneThrottle = Moatown.ServiceDefaults.PersonalData.PhoneKeys.Purpose;
}
