namespace Moatown.Documents.Consents;

/// <summary>
/// A submitted consent or withdrawal waiting to be sealed. It waits as long as it must: a TSA that does
/// not answer delays the seal, it never makes one with a made-up time; each failure moves the next
/// attempt further out (capped), and the last error is kept for the operator.
/// </summary>
public sealed class SealJob
{
    public Guid ConsentId { get; init; }
    public Guid CampaignId { get; init; }
    public Guid HolderId { get; init; }
    /// <summary>"consent" or "withdrawal".</summary>
    public required string Kind { get; init; }
    public DateTimeOffset QueuedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? SealedAt { get; set; }
    public Guid? DocumentId { get; set; }
}
