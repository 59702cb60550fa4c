using Moatown.Campaigns.Model;

namespace Moatown.Campaigns.Apis;

/// <summary>A campaign as every campaigns endpoint answers it.</summary>
/// <param name="Status">"draft", "open" or "closed".</param>
/// <param name="OrganizerId">Subject (staff account or client id) of the organizer who owns the campaign.</param>
public sealed record CampaignResponse(
    Guid Id,
    string Name,
    string Status,
    string OrganizerId,
    AreaResponse Area,
    CountingResponse Counting,
    ConsentFormResponse ConsentForm,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt)
{
    public static CampaignResponse From(Campaign campaign) => new(
        campaign.Id,
        campaign.Name,
        WireNames.Of(campaign.Status),
        campaign.OrganizerId,
        new AreaResponse(campaign.Area.Name, campaign.Area.District, campaign.Area.Address),
        new CountingResponse(
            campaign.Counting.RuleSet,
            WithoutTrailingZeros(campaign.Counting.OwnerThreshold),
            WithoutTrailingZeros(campaign.Counting.LandAreaThreshold),
            WireNames.Of(campaign.Counting.GroupRule),
            campaign.Counting.ExcludePublicLandFromArea),
        new ConsentFormResponse(campaign.ConsentForm.Title, campaign.ConsentForm.Body, campaign.ConsentForm.StatutoryItems),
        campaign.CreatedAt,
        campaign.UpdatedAt,
        campaign.OpenedAt,
        campaign.ClosedAt);

    /// <summary>
    /// The database keeps six decimals (0.600000); clients get the value as it was sent (0.6),
    /// the same before and after a round trip.
    /// </summary>
    private static decimal WithoutTrailingZeros(decimal value) => value / 1.0000000000000000000000000000m;
}

public sealed record AreaResponse(string Name, string District, string? Address);

/// <param name="GroupRule">"majority-of-shares" or "all-holders".</param>
public sealed record CountingResponse(string RuleSet, decimal OwnerThreshold, decimal LandAreaThreshold, string GroupRule, bool ExcludePublicLandFromArea);

public sealed record ConsentFormResponse(string Title, string Body, IReadOnlyList<string> StatutoryItems);
