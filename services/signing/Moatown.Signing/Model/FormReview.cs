namespace Moatown.Signing.Model;

/// <summary>
/// The form a holder was shown to read: its document and hash. A signature must name the hash of the
/// form the holder last reviewed, so nobody signs a form they were not shown.
/// </summary>
public sealed class FormReview
{
    public long Id { get; init; }
    public Guid CampaignId { get; init; }
    public Guid HolderId { get; init; }
    public Guid FormDocumentId { get; init; }
    public required string FormSha256 { get; init; }
    public DateTimeOffset ViewedAt { get; init; }
    /// <summary>How many statutory items the form has: a consent agrees to each of them.</summary>
    public int StatutoryItemCount { get; init; }
}
