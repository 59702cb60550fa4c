namespace Moatown.Documents.Vault;

/// <summary>
/// The key that wraps the data keys of one campaign's documents, itself kept only wrapped by a
/// master key. Shredding removes <see cref="WrappedKey"/>: every data key it wrapped, and so every
/// document of the campaign, becomes unreadable, even to someone holding every master key.
/// </summary>
public sealed class CampaignKey
{
    public Guid CampaignId { get; init; }
    /// <summary>The master key <see cref="WrappedKey"/> is wrapped by (kept after shredding, for the record).</summary>
    public required string MasterKeyId { get; set; }
    /// <summary>Null once shredded.</summary>
    public byte[]? WrappedKey { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RotatedAt { get; set; }
    public DateTimeOffset? ShreddedAt { get; set; }
}
