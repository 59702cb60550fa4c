namespace Moatown.Documents.Access;

/// <summary>
/// What documents knows of a campaign it keeps documents for, learned from the campaigns service's
/// events: whose it is and which district office reviews it, so that a download can be held to
/// the campaign's organizer and the officers of its district without asking campaigns each time.
/// </summary>
public sealed class KnownCampaign
{
    public Guid CampaignId { get; init; }
    /// <summary>The organizer's staff account (token subject); null until an event names it.</summary>
    public string? Organizer { get; set; }
    /// <summary>The 자치구 of the campaign's area: as created, then as fixed when it opened.</summary>
    public string? District { get; set; }
    public DateTimeOffset LearnedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
