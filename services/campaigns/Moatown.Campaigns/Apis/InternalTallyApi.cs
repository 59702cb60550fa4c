using Microsoft.AspNetCore.Http.HttpResults;
using Moatown.Campaigns.Counting;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Extensions;
using Moatown.Campaigns.Tallies;

namespace Moatown.Campaigns.Apis;

/// <summary>
/// Internal: a campaign's tally and every owner's explanation, taken from one count so the two
/// agree, for the documents service's submission package. The same shapes the staff endpoints
/// answer (<see cref="TallyApi.GetTally"/>, <see cref="TallyApi.ListOwners"/>): names masked.
/// </summary>
public static class InternalTallyApi
{
    public static RouteGroupBuilder MapInternalTallyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/internal/campaigns/{campaignId:guid}").WithTags("Internal");
        api.MapGet("/tally-explanation", GetTallyExplanation).WithName(nameof(GetTallyExplanation))
            .RequireAuthorization(CampaignPolicies.TallyExplanation);
        return api;
    }

    public static async Task<Results<Ok<TallyExplanationResponse>, NotFound>> GetTallyExplanation(
        Guid campaignId, CampaignsDbContext db, LiveTallies tallies, CancellationToken cancellationToken)
    {
        using var lease = await tallies.EnterAsync(campaignId, cancellationToken);
        var tally = await lease.CatchUpAsync(db, cancellationToken);
        if (tally is null)
        {
            return TypedResults.NotFound();
        }
        // Every owner: the package is the whole record, not a page of it.
        return TypedResults.Ok(new TallyExplanationResponse(tally.Tally(), TallyApi.Owners(tally, holderId: null, skip: 0, take: int.MaxValue)));
    }
}

public sealed record TallyExplanationResponse(Tally Tally, OwnersResponse Explanation);
