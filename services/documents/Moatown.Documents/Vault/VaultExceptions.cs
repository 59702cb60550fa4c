namespace Moatown.Documents.Vault;

/// <summary>
/// A stored document, its wrapped data key or its campaign key does not authenticate: it was
/// altered after it was stored. Its bytes are never returned.
/// </summary>
public sealed class DocumentIntegrityException(Guid documentId)
    : Exception($"Document {documentId} failed its integrity check; it was altered after it was stored.")
{
    public Guid DocumentId { get; } = documentId;
}

/// <summary>The campaign's keys were destroyed at the end of its retention: its documents can never be read again.</summary>
public sealed class CampaignShreddedException(Guid campaignId, DateTimeOffset? shreddedAt)
    : Exception($"The documents of campaign {campaignId} were shredded{(shreddedAt is { } at ? $" at {at:O}" : "")}.")
{
    public Guid CampaignId { get; } = campaignId;
    public DateTimeOffset? ShreddedAt { get; } = shreddedAt;
}

/// <summary>A key is wrapped by a master key this process is not configured with (retired too early, or a configuration mistake).</summary>
public sealed class MasterKeyUnavailableException(string masterKeyId)
    : Exception($"Master key '{masterKeyId}' is not configured; keys it wrapped cannot be unwrapped.")
{
    public string MasterKeyId { get; } = masterKeyId;
}
