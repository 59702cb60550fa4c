namespace Moatown.ServiceDefaults.PersonalData;

/// <summary>
/// Keys for field-level encryption of personal data, from configuration (section "PersonalData"),
/// never from the database they protect. Several encryption keys may be listed so old values stay
/// readable after a rotation; new values are always written with the active key.
/// </summary>
public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";

    /// <summary>Key id → base64 of a 256-bit AES key.</summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Key id → the date the key was issued, for the inspection report's key ages (optional).</summary>
    public Dictionary<string, DateOnly> KeyIssuedOn { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The key id new values are encrypted with.</summary>
    public string? ActiveKeyId { get; set; }

    /// <summary>Base64 of the HMAC key for blind indexes (lookups without decrypting). Never rotated lightly: every index changes.</summary>
    public string? BlindIndexKey { get; set; }
}
