using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Extensions;
using Moatown.Campaigns.Model;
using Moatown.Campaigns.Rolls;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Campaigns.Apis;

/// <summary>
/// Internal: what one owner's consent form is made of — the campaign's frozen form and the owner's
/// own name and properties — for the documents service, which renders it. Only while the campaign
/// is open: a closed campaign takes no more signatures.
/// </summary>
public static class InternalConsentFormApi
{
    public static RouteGroupBuilder MapInternalConsentFormApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/internal/campaigns/{campaignId:guid}/holders/{holderId:guid}").WithTags("Internal");
        api.MapGet("/consent-form", GetConsentForm).WithName(nameof(GetConsentForm))
            .RequireAuthorization(CampaignPolicies.ConsentFormRendering);
        return api;
    }

    public static async Task<Results<Ok<OwnerConsentFormResponse>, NotFound, ProblemHttpResult>> GetConsentForm(
        Guid campaignId, Guid holderId, CampaignsDbContext db, PersonalDataProtector protector, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return TypedResults.NotFound();
        }
        if (campaign.Status != CampaignStatus.Open)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Campaign not open",
                detail: "The campaign is not open for signing.", extensions: new Dictionary<string, object?> { ["reason"] = "campaign-not-open" });
        }
        var entries = await db.RollEntries.AsNoTracking()
            .Where(e => e.HolderId == holderId && db.RollVersions.Any(v => v.Id == e.RollVersionId && v.CampaignId == campaignId && v.IsCurrent))
            .OrderBy(e => e.Line)
            .ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return TypedResults.NotFound();
        }
        var form = campaign.ConsentForm;
        return TypedResults.Ok(new OwnerConsentFormResponse(
            campaign.Id, campaign.Name, campaign.Area.District, campaign.Area.Name, form.Title, form.Body, form.StatutoryItems,
            // The form is frozen when the campaign opens: an open campaign has exactly one version of it.
            FormVersion: 1,
            holderId, protector.Unprotect(entries[0].OwnerNameProtected, PersonalDataPurposes.Name),
            [.. entries.Select(e => new OwnedPropertyResponse(e.PropertyId, e.PropertyKind.ToString().ToLowerInvariant(), e.LotNumber, e.LandAreaM2, e.Share))]));
    }
}

/// <param name="OwnerName">The owner's own name: the form is their document. Personal data; never logged.</param>
public sealed record OwnerConsentFormResponse(Guid CampaignId, string CampaignName, string District, string AreaName, string Title, string Body,
    IReadOnlyList<string> StatutoryItems, int FormVersion, Guid HolderId, string OwnerName, IReadOnlyList<OwnedPropertyResponse> Properties);

/// <param name="Kind">"land", "building" or "superficies".</param>
/// <param name="Share">Exact, "numerator/denominator".</param>
public sealed record OwnedPropertyResponse(string PropertyId, string Kind, string LotNumber, decimal? LandAreaM2, string Share);
