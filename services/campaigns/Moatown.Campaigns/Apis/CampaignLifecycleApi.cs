using Moatown.ServiceDefaults.Auditing;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Model;
using Moatown.Contracts.Campaigns;
using Moatown.Campaigns.PublicEvents;
using Moatown.ServiceDefaults.Messaging;
using V1 = Moatown.Contracts.Public.V1;

namespace Moatown.Campaigns.Apis;

/// <summary>draft → open → closed, each step once, each announced through the outbox.</summary>
public static class CampaignLifecycleApi
{
    public static RouteGroupBuilder MapCampaignLifecycleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/{id:guid}")
            .WithTags("Campaigns")
            .RequireAuthorization(CampaignPolicies.Manage);

        api.MapPost("/open", OpenCampaign).WithName(nameof(OpenCampaign));
        api.MapPost("/close", CloseCampaign).WithName(nameof(CloseCampaign));
        return api;
    }

    /// <summary>
    /// Opens a draft for consent. It needs a current owner roll and a complete consent form;
    /// from then on its counting rules and form are fixed.
    /// </summary>
    public static Task<Results<Ok<CampaignResponse>, NotFound, ProblemHttpResult>> OpenCampaign(
        Guid id,
        ClaimsPrincipal user,
        CampaignsDbContext db,
        IAuditTrail audit,
        TimeProvider time,
        CancellationToken cancellationToken) =>
        db.ChangeLockedAsync<Results<Ok<CampaignResponse>, NotFound, ProblemHttpResult>>(id, user, async campaign =>
        {
            if (campaign is null)
            {
                return TypedResults.NotFound();
            }
            if (campaign.Status != CampaignStatus.Draft)
            {
                return Conflict($"Campaign is {WireNames.Of(campaign.Status)}", "Only a draft campaign can be opened.");
            }

            var missing = new List<string>();
            if (!await db.RollVersions.AnyAsync(v => v.CampaignId == campaign.Id && v.IsCurrent, cancellationToken))
            {
                missing.Add("roll");
            }
            if (!campaign.ConsentForm.IsComplete)
            {
                missing.Add("consentForm");
            }
            if (missing.Count > 0)
            {
                return TypedResults.Problem(new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "Campaign is not ready to open",
                    Detail = string.Join(" ", missing.Select(item => item switch
                    {
                        "roll" => $"Import the owner roll first (PUT /api/campaigns/{campaign.Id}/roll).",
                        _ => "Complete the consent form: a title, a body and at least one statutory item.",
                    })),
                    Extensions = { ["missing"] = missing },
                });
            }

            var now = time.GetUtcNow();
            campaign.Status = CampaignStatus.Open;
            campaign.OpenedAt = now;
            campaign.UpdatedAt = now;
            db.Enqueue(new CampaignOpened(campaign.Id, campaign.Area.District, now), now);
            db.AppendPublic(campaign, new V1.CampaignOpened(campaign.Id, campaign.Area.District, now), now);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry("campaign.open", $"campaign/{campaign.Id}", AuditOutcomes.Success), cancellationToken);
            return TypedResults.Ok(CampaignResponse.From(campaign));
        }, cancellationToken);

    /// <summary>Closes an open campaign: no further consents or withdrawals, the tally is final.</summary>
    public static Task<Results<Ok<CampaignResponse>, NotFound, ProblemHttpResult>> CloseCampaign(
        Guid id,
        ClaimsPrincipal user,
        CampaignsDbContext db,
        IAuditTrail audit,
        TimeProvider time,
        CancellationToken cancellationToken) =>
        db.ChangeLockedAsync<Results<Ok<CampaignResponse>, NotFound, ProblemHttpResult>>(id, user, async campaign =>
        {
            if (campaign is null)
            {
                return TypedResults.NotFound();
            }
            if (campaign.Status != CampaignStatus.Open)
            {
                return Conflict($"Campaign is {WireNames.Of(campaign.Status)}", "Only an open campaign can be closed.");
            }

            var now = time.GetUtcNow();
            campaign.Status = CampaignStatus.Closed;
            campaign.ClosedAt = now;
            campaign.UpdatedAt = now;
            db.Enqueue(new CampaignClosed(campaign.Id, campaign.Area.District, now), now);
            db.AppendPublic(campaign, new V1.CampaignClosed(campaign.Id, campaign.Area.District, now), now);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry("campaign.close", $"campaign/{campaign.Id}", AuditOutcomes.Success), cancellationToken);
            return TypedResults.Ok(CampaignResponse.From(campaign));
        }, cancellationToken);

    private static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict);
}
