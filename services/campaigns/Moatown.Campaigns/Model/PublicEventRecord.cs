namespace Moatown.Campaigns.Model;

/// <summary>
/// One public event for city systems, in the append-only <c>public_events</c> store: written in the
/// same transaction as the change it announces, published by the relay, served again by backfill.
/// Never updated except for <see cref="PublishedAt"/>.
/// </summary>
public sealed class PublicEventRecord
{
    /// <summary>The CloudEvents id: the same on the live queue and in backfill, so duplicates are detectable.</summary>
    public Guid Id { get; init; }
    public Guid CampaignId { get; init; }
    /// <summary>1, 2, 3… per campaign, without gaps, in commit order (<see cref="Campaign.PublicEventSequence"/>).</summary>
    public long Sequence { get; init; }
    /// <summary>
    /// The writing transaction's id (PostgreSQL xid8, set by the database). Backfill reads in
    /// (transaction, campaign, sequence) order and only rows of transactions older than every
    /// running one, so a reader never passes a row that commits later.
    /// </summary>
    public ulong TransactionId { get; init; }
    /// <summary>e.g. "consent-signed".</summary>
    public required string Type { get; init; }
    public int Major { get; init; }
    public required string District { get; init; }
    /// <summary>The routing key's district word (<see cref="Moatown.Contracts.Public.DistrictCodes"/>).</summary>
    public required string DistrictCode { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    /// <summary>The whole CloudEvent, structured JSON, exactly as it goes on the wire.</summary>
    public required string CloudEvent { get; init; }
    public DateTimeOffset? PublishedAt { get; set; }
}
