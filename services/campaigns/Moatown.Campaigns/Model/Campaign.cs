namespace Moatown.Campaigns.Model;

/// <summary>A consent campaign for one Moatown area, run by one organizer.</summary>
public sealed class Campaign
{
    public const int MaxNameLength = 200;

    public Guid Id { get; init; }
    public required string Name { get; set; }
    /// <summary>Subject (staff account or client id) of the organizer who owns the campaign.</summary>
    public required string OrganizerId { get; init; }
    public required CampaignArea Area { get; set; }
    public CampaignStatus Status { get; set; } = CampaignStatus.Draft;
    /// <summary>How consents are counted; fixed once the campaign opens, so past tallies never change meaning.</summary>
    public CampaignCounting Counting { get; set; } = CampaignCounting.Default;
    /// <summary>What the signing service shows an owner; fixed once the campaign opens.</summary>
    public ConsentFormSettings ConsentForm { get; set; } = ConsentFormSettings.Empty;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>
    /// The sequence number of the campaign's latest ledger entry. Every ledger write takes the
    /// campaign row's lock and increments it, so entries commit in sequence order and a reader
    /// that has seen sequence n never misses an entry below it.
    /// </summary>
    public long LedgerSequence { get; set; }

    /// <summary>Whether the last tally met both thresholds: ConsentThresholdReached is published once per crossing.</summary>
    public bool ThresholdMet { get; set; }

    /// <summary>
    /// The sequence of the campaign's latest public event (<see cref="PublicEventRecord"/>), moved
    /// under the same row lock as <see cref="LedgerSequence"/>, so city systems see 1, 2, 3… per campaign.
    /// </summary>
    public long PublicEventSequence { get; set; }
}

public enum CampaignStatus
{
    Draft,
    Open,
    Closed,
}

/// <param name="Name">The area's name, e.g. "중화동 모아타운".</param>
/// <param name="District">The 자치구 (e.g. "중랑구"): district officers see the campaigns of their district.</param>
/// <param name="Address">Where the area is, for people.</param>
public sealed record CampaignArea(string Name, string District, string? Address);
