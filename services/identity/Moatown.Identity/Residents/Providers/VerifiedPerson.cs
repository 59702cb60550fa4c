namespace Moatown.Identity.Residents.Providers;

/// <summary>
/// Who the provider verified: the name (trimmed, Unicode NFC, ready to compare with the roll), the birth date,
/// and the connecting information (연계정보, CI, 88 base64 characters) that identifies the person across providers.
/// </summary>
public sealed record VerifiedPerson(string Name, DateOnly BirthDate, string ConnectingInformation)
{
    // The CI identifies a person nationwide: keep it out of logs and exception messages that print records.
    public override string ToString() => $"{nameof(VerifiedPerson)} {{ (personal data) }}";
}
