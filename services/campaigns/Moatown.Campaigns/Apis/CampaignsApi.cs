using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Model;
using Moatown.Contracts.Campaigns;
using Moatown.ServiceDefaults.Authentication;
using Moatown.ServiceDefaults.Messaging;

namespace Moatown.Campaigns.Apis;

public static class CampaignsApi
{
    public static RouteGroupBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns")
            .WithTags("Campaigns");

        api.MapPost("/", CreateCampaign).WithName(nameof(CreateCampaign))
            .RequireAuthorization(CampaignPolicies.Manage);
        api.MapGet("/{id:guid}", GetCampaign).WithName(nameof(GetCampaign))
            .RequireAuthorization(CampaignPolicies.Read);
        api.MapGet("/", ListCampaigns).WithName(nameof(ListCampaigns))
            .RequireAuthorization(CampaignPolicies.Read);
        api.MapPut("/{id:guid}", UpdateCampaign).WithName(nameof(UpdateCampaign))
            .RequireAuthorization(CampaignPolicies.Manage);
        return api;
    }

    public static async Task<Results<Created<CampaignResponse>, ValidationProblem>> CreateCampaign(
        CampaignRequest request,
        ClaimsPrincipal user,
        CampaignsDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!CampaignRequestValidation.TryValidate(request, CampaignCounting.Default, ConsentFormSettings.Empty, out var settings, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = time.GetUtcNow();
        var campaign = new Campaign
        {
            Id = Guid.CreateVersion7(now),
            Name = settings.Name,
            Area = settings.Area,
            // The owner comes from the token, never from the request body.
            OrganizerId = user.SubjectId(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        settings.ApplyTo(campaign);
        db.Campaigns.Add(campaign);
        db.Enqueue(new CampaignCreated(campaign.Id, campaign.Name, campaign.CreatedAt, campaign.OrganizerId, campaign.Area.District), now);
        // One SaveChanges, one transaction: the campaign and its event exist together or not at all.
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/campaigns/{campaign.Id}", CampaignResponse.From(campaign));
    }

    public static async Task<Results<Ok<CampaignResponse>, NotFound>> GetCampaign(
        Guid id,
        ClaimsPrincipal user,
        CampaignsDbContext db,
        CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking()
            .VisibleTo(user)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        // Someone else's campaign is reported as missing, so ids cannot be probed.
        return campaign is null ? TypedResults.NotFound() : TypedResults.Ok(CampaignResponse.From(campaign));
    }

    public static async Task<Ok<List<CampaignResponse>>> ListCampaigns(
        ClaimsPrincipal user,
        CampaignsDbContext db,
        CancellationToken cancellationToken)
    {
        var campaigns = await db.Campaigns.AsNoTracking()
            .VisibleTo(user)
            .OrderByDescending(c => c.CreatedAt)
            .Take(500)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(campaigns.Select(CampaignResponse.From).ToList());
    }

    /// <summary>
    /// Replaces the name and area and, when sent, the counting rules and consent form (fields
    /// left out keep their values). Only a draft changes: what owners sign and how they are
    /// counted is fixed once the campaign opens.
    /// </summary>
    public static Task<Results<Ok<CampaignResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateCampaign(
        Guid id,
        CampaignRequest request,
        ClaimsPrincipal user,
        CampaignsDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken) =>
        db.ChangeLockedAsync<Results<Ok<CampaignResponse>, NotFound, ValidationProblem, ProblemHttpResult>>(id, user, async campaign =>
        {
            if (campaign is null)
            {
                return TypedResults.NotFound();
            }
            if (campaign.Status != CampaignStatus.Draft)
            {
                return TypedResults.Problem(
                    title: $"Campaign is {WireNames.Of(campaign.Status)}; its settings are fixed",
                    detail: "Name, area, counting rules and consent form can change only while the campaign is a draft.",
                    statusCode: StatusCodes.Status409Conflict);
            }
            if (!CampaignRequestValidation.TryValidate(request, campaign.Counting, campaign.ConsentForm, out var settings, out var errors))
            {
                return TypedResults.ValidationProblem(errors);
            }

            settings.ApplyTo(campaign);
            campaign.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(CampaignResponse.From(campaign));
        }, cancellationToken);
}
