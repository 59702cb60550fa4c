namespace Moatown.Campaigns.Model;

/// <summary>A consent campaign for one Moatown area, run by one organizer.</summary>
public sealed class Campaign
{
    public const int MaxNameLength = 200;

    public Guid Id { get; init; }
    public required string Name { get; set; }
    /// <summary>Subject (staff account or client id) of the organizer who owns the campaign.</summary>
    public required string OrganizerId { get; init; }
    public CampaignStatus Status { get; set; } = CampaignStatus.Draft;
    public DateTimeOffset CreatedAt { get; init; }
}

public enum CampaignStatus
{
    Draft,
    Open,
    Closed,
}
