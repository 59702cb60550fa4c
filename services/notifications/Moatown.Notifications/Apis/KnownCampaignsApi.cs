using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Moatown.Notifications.Data;
using Moatown.Notifications.Model;

namespace Moatown.Notifications.Apis;

public static class KnownCampaignsApi
{
    public static RouteGroupBuilder MapKnownCampaignsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notifications/campaigns")
            .WithTags("Campaigns known to notifications")
            .RequireAuthorization(NotificationPolicies.Read);

        api.MapGet("/{campaignId:guid}", GetKnownCampaign).WithName(nameof(GetKnownCampaign));
        return api;
    }

    /// <summary>Whether notifications has learned of a campaign yet, and when.</summary>
    public static async Task<Results<Ok<KnownCampaignResponse>, NotFound>> GetKnownCampaign(
        Guid campaignId,
        NotificationsDbContext db,
        CancellationToken cancellationToken)
    {
        var campaign = await db.KnownCampaigns.AsNoTracking()
            .FirstOrDefaultAsync(c => c.CampaignId == campaignId, cancellationToken);
        return campaign is null ? TypedResults.NotFound() : TypedResults.Ok(KnownCampaignResponse.From(campaign));
    }
}

public sealed record KnownCampaignResponse(Guid CampaignId, string Name, DateTimeOffset LearnedAt)
{
    public static KnownCampaignResponse From(KnownCampaign campaign) => new(campaign.CampaignId, campaign.Name, campaign.LearnedAt);
}
