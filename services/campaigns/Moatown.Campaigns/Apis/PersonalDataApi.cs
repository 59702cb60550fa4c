using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Rolls;
using Moatown.ServiceDefaults.Auditing;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Campaigns.Apis;

/// <summary>
/// One holder's personal data in full: what the masked lists leave out, for the campaign's
/// organizer only, with a stated purpose, each view recorded in the audit trail before it is answered.
/// </summary>
public static class PersonalDataApi
{
    public const int MinPurposeLength = 5;
    public const int MaxPurposeLength = 200;
    public const string ViewAction = "personal-data.view";

    public static RouteGroupBuilder MapPersonalDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/{campaignId:guid}/holders/{holderId:guid}")
            .WithTags("Owner roll");
        api.MapGet("/personal-data", GetPersonalData).WithName(nameof(GetPersonalData))
            .RequireAuthorization(CampaignPolicies.ViewPersonalData);
        return api;
    }

    /// <summary>
    /// The holder's name, birth date, phone, address and the roll's owner id as imported, from the
    /// current roll. <c>purpose</c> (5 to 200 characters, e.g. "본인 확인 전화") is required and recorded.
    /// </summary>
    public static async Task<Results<Ok<HolderPersonalData>, NotFound, ValidationProblem, ProblemHttpResult>> GetPersonalData(
        Guid campaignId, Guid holderId, string? purpose, ClaimsPrincipal user, CampaignsDbContext db, PersonalDataProtector protector,
        [FromServices] IAuditTrail? audit, HttpContext http, CancellationToken cancellationToken)
    {
        // Whose campaign first: another organizer learns nothing, not even what a valid request looks like.
        if (!await db.Campaigns.ManageableBy(user).AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var stated = purpose?.Trim();
        if (stated is null || stated.Length < MinPurposeLength || stated.Length > MaxPurposeLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["purpose"] = [$"State why you need this person's data in full, {MinPurposeLength} to {MaxPurposeLength} characters."],
            });
        }
        if (audit is null)
        {
            // A view that cannot be recorded is not given.
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Audit trail unavailable",
                detail: "Personal data is shown in full only when the view can be recorded.");
        }
        var entries = await db.RollEntries.AsNoTracking()
            .Where(e => e.HolderId == holderId && db.RollVersions.Any(v => v.Id == e.RollVersionId && v.CampaignId == campaignId && v.IsCurrent))
            .OrderBy(e => e.Line)
            .ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return TypedResults.NotFound();
        }

        await audit.RecordAsync(new AuditEntry(ViewAction, $"campaign/{campaignId}/holder/{holderId}", AuditOutcomes.Success)
        {
            Purpose = stated,
        }, cancellationToken);

        var first = entries[0];
        string? Open(string? sealedValue, string field) => sealedValue is null ? null : protector.Unprotect(sealedValue, field);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new HolderPersonalData(
            holderId,
            Open(first.OwnerIdProtected, PersonalDataPurposes.OwnerId),
            protector.Unprotect(first.OwnerNameProtected, PersonalDataPurposes.Name),
            Open(first.BirthDateProtected, PersonalDataPurposes.BirthDate),
            Open(entries.Select(e => e.PhoneProtected).FirstOrDefault(p => p is not null), PersonalDataPurposes.Phone),
            Open(entries.Select(e => e.AddressProtected).FirstOrDefault(a => a is not null), PersonalDataPurposes.Address),
            entries.Select(e => e.PropertyId).Distinct().ToList()));
    }
}

/// <param name="BirthDate">yyyy-MM-dd.</param>
/// <param name="Phone">As stored: E.164 (+8210...).</param>
public sealed record HolderPersonalData(Guid HolderId, string? OwnerId, string Name, string? BirthDate, string? Phone, string? Address,
    IReadOnlyList<string> Properties);
