namespace Moatown.Notifications.Model;

/// <summary>
/// A campaign notifications has learned of from the registry's events. Messages for a campaign
/// name it to the resident, so the name is kept here instead of asked for at every send.
/// </summary>
public sealed class KnownCampaign
{
    public Guid CampaignId { get; init; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LearnedAt { get; init; }
    /// <summary>The organizer's staff account: they, and provider admins, may read the campaign's delivery status.</summary>
    public string? Organizer { get; set; }
}
