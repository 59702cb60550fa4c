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
            .WithTags("Campaigns")
            .RequireAuthorization(CampaignPolicies.Manage);

        api.MapPost("/", CreateCampaign).WithName(nameof(CreateCampaign));
        api.MapGet("/{id:guid}", GetCampaign).WithName(nameof(GetCampaign));
        api.MapGet("/", ListCampaigns).WithName(nameof(ListCampaigns));
        return api;
    }

    public static async Task<Results<Created<CampaignResponse>, ValidationProblem>> CreateCampaign(
        CreateCampaignRequest request,
        ClaimsPrincipal user,
        CampaignsDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim();
        var district = request.District?.Trim();
        var areaName = request.AreaName?.Trim();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(name) || name.Length > Campaign.MaxNameLength)
        {
            errors["name"] = [$"A campaign needs a name of 1 to {Campaign.MaxNameLength} characters."];
        }
        if (string.IsNullOrEmpty(district) || district.Length > 50)
        {
            errors["district"] = ["Name the district (구) of the area, e.g. 중랑구."];
        }
        if (string.IsNullOrEmpty(areaName) || areaName.Length > 200)
        {
            errors["areaName"] = ["Name the area, e.g. 중화동 모아타운 (1 to 200 characters)."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = time.GetUtcNow();
        var campaign = new Campaign
        {
            Id = Guid.CreateVersion7(now),
            Name = name!,
            Area = new CampaignArea(areaName!, district!, string.IsNullOrWhiteSpace(request.Address) ? null : request.Address.Trim()),
            // The owner comes from the token, never from the request body.
            OrganizerId = user.SubjectId(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Campaigns.Add(campaign);
        db.Enqueue(new CampaignCreated(campaign.Id, campaign.Name, campaign.CreatedAt), now);
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
}

public sealed record CreateCampaignRequest(string? Name, string? District, string? AreaName, string? Address);

public sealed record CampaignResponse(Guid Id, string Name, string Status, DateTimeOffset CreatedAt)
{
    public static CampaignResponse From(Campaign campaign) =>
        new(campaign.Id, campaign.Name, campaign.Status.ToString().ToLowerInvariant(), campaign.CreatedAt);
}
