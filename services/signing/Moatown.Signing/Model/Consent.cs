namespace Moatown.Signing.Model;

/// <summary>
/// One submission of a verified holder: a consent, or the withdrawal (철회) of one. It is sealed by the
/// documents service afterwards; until then it is "sealing". The signature and the evidence (client
/// address, user agent) are personal data and kept only encrypted.
/// </summary>
public sealed class Consent
{
    public Guid Id { get; init; }
    public Guid CampaignId { get; init; }
    public Guid HolderId { get; init; }
    public ConsentKind Kind { get; init; }
    /// <summary>SHA-256 of the client's idempotency key with the holder: the same submission twice is one.</summary>
    public required string IdempotencyKeyHash { get; init; }
    public ConsentStatus Status { get; set; }
    /// <summary>The unsigned form document the holder reviewed (in the documents vault) and its hash.</summary>
    public Guid FormDocumentId { get; init; }
    public required string FormSha256 { get; init; }
    /// <summary>The statutory items agreed, 1-based.</summary>
    public required int[] AgreedItems { get; init; }
    public required string SignatureProtected { get; init; }
    public required string EvidenceProtected { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? SealedAt { get; set; }
    public Guid? DocumentId { get; set; }
    public string? DocumentHash { get; set; }
    public DateTimeOffset? TimestampedAt { get; set; }
    /// <summary>For a withdrawal: the consent it withdraws.</summary>
    public Guid? WithdrawsConsentId { get; init; }
}

public enum ConsentKind { Consent, Withdrawal }

public enum ConsentStatus { Sealing, Sealed }
