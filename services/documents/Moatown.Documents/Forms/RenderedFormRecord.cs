namespace Moatown.Documents.Forms;

/// <summary>
/// An owner's rendered form as kept in the vault: rendering is deterministic, so the same form and
/// owner give the same bytes and the same document, however often the owner opens it.
/// </summary>
public sealed class RenderedFormRecord
{
    public long Id { get; init; }
    public Guid CampaignId { get; init; }
    public Guid HolderId { get; init; }
    public required string Sha256 { get; init; }
    public Guid DocumentId { get; init; }
    public DateTimeOffset RenderedAt { get; init; }
}
