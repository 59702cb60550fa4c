using Moatown.ServiceDefaults.Auditing;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Model;
using Moatown.Campaigns.Registry;
using Moatown.Campaigns.Residents;
using Moatown.Campaigns.Rolls;
using Moatown.Campaigns.Tallies;
using Moatown.ServiceDefaults.Authentication;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Campaigns.Apis;

public static class RollApi
{
    public static RouteGroupBuilder MapRollApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/{campaignId:guid}")
            .WithTags("Owner roll");

        // No Accepts("text/csv") metadata: routing would answer 415 before authorization, telling
        // any caller what the endpoint takes. The handler checks the media type once the caller is let in.
        api.MapPut("/roll", ImportRoll).WithName(nameof(ImportRoll))
            .RequireAuthorization(CampaignPolicies.Manage);
        api.MapGet("/roll", GetRoll).WithName(nameof(GetRoll))
            .RequireAuthorization(CampaignPolicies.Read);
        api.MapGet("/holders", ListHolders).WithName(nameof(ListHolders))
            .RequireAuthorization(CampaignPolicies.ReadPeople);
        return api;
    }

    /// <summary>
    /// Imports the owner roll (CSV, UTF-8, at most 50 MB) as the campaign's new roll version:
    /// all or nothing, every error listed by line and column.
    /// </summary>
    public static async Task<Results<Created<RollImportResponse>, Ok<RollImportResponse>, NotFound, ProblemHttpResult>> ImportRoll(
        Guid campaignId,
        HttpContext http,
        ClaimsPrincipal user,
        CampaignsDbContext db,
        RollImporter importer,
        IAuditTrail audit,
        CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().ManageableBy(user).FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return TypedResults.NotFound();
        }
        if (campaign.Status == CampaignStatus.Closed)
        {
            return Problem(StatusCodes.Status409Conflict, "Campaign is closed", "A closed campaign's roll cannot change.");
        }
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType) || !mediaType.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Send the roll as text/csv",
                "The owner roll must be uploaded as a CSV file with Content-Type: text/csv.");
        }

        var body = await ReadLimitedAsync(http, RollParser.MaxBytes, cancellationToken);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Roll too large",
                $"An owner roll may be at most {RollParser.MaxBytes / (1024 * 1024)} MB.");
        }

        var parsed = RollParser.Parse(body.Value);
        if (!parsed.Accepted)
        {
            return TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The roll has errors; nothing was imported",
                Detail = $"{parsed.Errors.Count} error(s). Correct them in the file and upload it again.",
                Extensions = { ["errors"] = parsed.Errors },
            });
        }

        var outcome = await importer.ImportAsync(campaign, parsed.Roll, user.SubjectId(), cancellationToken);
        var response = RollImportResponse.From(outcome);
        if (outcome.Result == RollImportResult.NewVersion)
        {
            // Who replaced the roll the count is made from, and what came of it (counts only).
            await audit.RecordAsync(new AuditEntry("roll.import", $"campaign/{campaignId}/roll/{outcome.Version}", AuditOutcomes.Success)
            {
                Detail = new Dictionary<string, string>
                {
                    ["rows"] = outcome.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["holders"] = outcome.Holders.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["deemedConsents"] = outcome.DeemedConsents.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            }, cancellationToken);
        }
        return outcome.Result switch
        {
            RollImportResult.Busy => Problem(StatusCodes.Status409Conflict, "Another import is running",
                "Another roll import for this campaign is in progress. Try again when it has finished."),
            RollImportResult.Unchanged => TypedResults.Ok(response),
            _ => TypedResults.Created($"/api/campaigns/{campaignId}/roll", response),
        };
    }

    public static async Task<Results<Ok<RollVersionResponse>, NotFound>> GetRoll(
        Guid campaignId, ClaimsPrincipal user, CampaignsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Campaigns.VisibleTo(user).AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var current = await db.RollVersions.AsNoTracking().FirstOrDefaultAsync(v => v.CampaignId == campaignId && v.IsCurrent, cancellationToken);
        return current is null ? TypedResults.NotFound() : TypedResults.Ok(RollVersionResponse.From(current));
    }

    /// <summary>
    /// The persons of the current roll with their pseudonymous holderId, the units they hold and
    /// their consent now, in roll order, a page at a time (<c>offset</c>, <c>limit</c> ≤ 5,000;
    /// the header <c>X-Total-Count</c> says how many there are). Names, birth dates and the roll's owner ids are masked: full view, with
    /// a stated purpose and an audit record, comes with the personal-data access roles.
    /// </summary>
    public static async Task<Results<Ok<List<HolderResponse>>, NotFound>> ListHolders(
        Guid campaignId, int? offset, int? limit, HttpResponse response, ClaimsPrincipal user, CampaignsDbContext db,
        PersonalDataProtector protector, LiveTallies tallies, CancellationToken cancellationToken)
    {
        if (!await db.Campaigns.PeopleVisibleTo(user).AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var current = await db.RollVersions.AsNoTracking().FirstOrDefaultAsync(v => v.CampaignId == campaignId && v.IsCurrent, cancellationToken);
        if (current is null)
        {
            return TypedResults.Ok(new List<HolderResponse>());
        }
        // Only what the list shows is read and decrypted: not phones or addresses.
        var entries = await db.RollEntries.AsNoTracking()
            .Where(e => e.RollVersionId == current.Id)
            .OrderBy(e => e.Line)
            .Select(e => new { e.HolderId, e.PropertyId, e.OwnerType, e.Status, e.OwnerIdProtected, e.OwnerNameProtected, e.BirthDateProtected })
            .ToListAsync(cancellationToken);

        var access = await HolderAccess.LoadAsync(db, campaignId, cancellationToken);

        using var lease = await tallies.EnterAsync(campaignId, cancellationToken);
        var tally = await lease.CatchUpAsync(db, cancellationToken);
        var unitsByHolder = tally?.Count.Roll.Units
            .SelectMany(unit => unit.Holders.Select(holder => (holder.Key, unit.Label)))
            .GroupBy(pair => pair.Key, pair => pair.Label)
            .ToDictionary(g => Tallies.CountingKeys.HolderIdOf(g.Key), g => (IReadOnlyList<string>)g.ToList()) ?? [];
        // In roll order, a page at a time: only the page's names are decrypted.
        var groups = entries.GroupBy(e => e.HolderId).ToList();
        response.Headers["X-Total-Count"] = groups.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var holders = groups
            .Skip(Math.Max(0, offset ?? 0))
            .Take(Math.Clamp(limit ?? DefaultHolderPage, 1, MaxHolderPage))
            .Select(group =>
            {
                var first = group.First();
                var person = first.OwnerType == Registry.OwnerType.Person;
                var name = protector.Unprotect(first.OwnerNameProtected, PersonalDataPurposes.Name);
                return new HolderResponse(
                    group.Key,
                    first.OwnerIdProtected is null ? null : PersonalDataMasking.Identifier(protector.Unprotect(first.OwnerIdProtected, PersonalDataPurposes.OwnerId)),
                    person ? PersonalDataMasking.Name(name) : name,
                    first.BirthDateProtected is null ? null : PersonalDataMasking.BirthDate(DateOnly.ParseExact(
                        protector.Unprotect(first.BirthDateProtected, PersonalDataPurposes.BirthDate), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                    first.OwnerType.ToString().ToLowerInvariant(),
                    group.All(e => e.Status == Registry.HolderStatus.Unlocatable) ? "unlocatable" : "normal",
                    group.Select(e => e.PropertyId).Distinct().ToList(),
                    unitsByHolder.GetValueOrDefault(group.Key, []),
                    tally?.StandingOf(group.Key) is { } standing ? StandingResponse.From(standing) : null,
                    access.Of(group.Key, tally?.StandingOf(group.Key)));
            })
            .ToList();
        return TypedResults.Ok(holders);
    }

    private const int DefaultHolderPage = 1000;
    private const int MaxHolderPage = 5000;

    /// <summary>The body, or null when it is larger than the limit.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadLimitedAsync(HttpContext http, int limit, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > limit)
        {
            return null;
        }
        // The server's default limit (30 MB) is below a roll's; this endpoint enforces its own.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + 1L;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}

/// <param name="DeemedConsents">Transfers (rule 16): new holders deemed to consent by this version.</param>
public sealed record RollImportResponse(string Version, bool Unchanged, int Rows, int Properties, int Holders,
    IReadOnlyList<RollWarning> Warnings, RollDiffResponse? Diff, IReadOnlyList<DeemedConsentRecord> DeemedConsents)
{
    internal static RollImportResponse From(RollImportOutcome outcome) => new(
        outcome.Version, outcome.Result == RollImportResult.Unchanged, outcome.Rows, outcome.Properties, outcome.Holders,
        outcome.Warnings, outcome.Diff is null ? null : RollDiffResponse.From(outcome.Diff), outcome.DeemedConsents);
}

/// <summary>What changed against the previous version: property ids only, no personal data.</summary>
public sealed record RollDiffResponse(IReadOnlyList<string> PropertiesAdded, IReadOnlyList<string> PropertiesRemoved, IReadOnlyList<string> PropertiesWithChangedHolders)
{
    internal static RollDiffResponse From(RollDiff diff) => new(
        diff.PropertiesAdded.ToList(), diff.PropertiesRemoved.ToList(), diff.HoldersChanged.Select(c => c.PropertyId).ToList());
}

public sealed record RollVersionResponse(string Version, DateTimeOffset ImportedAt, int Rows, int Properties, int Holders, int Warnings)
{
    internal static RollVersionResponse From(RollVersionRecord version) =>
        new(version.Version, version.ImportedAt, version.Rows, version.Properties, version.Holders, version.Warnings);
}

/// <param name="OwnerId">The roll's own id for the person, masked.</param>
/// <param name="Units">The units (rule 1) the holder is on, e.g. "L-10 with S-1".</param>
/// <param name="Consent">The holder's latest action; null when they have not acted.</param>
/// <param name="Access">How far the owner got: invited, opened the link, verified, signed or withdrew.</param>
public sealed record HolderResponse(Guid HolderId, string? OwnerId, string Name, string? BirthDate, string OwnerType, string Status,
    IReadOnlyList<string> Properties, IReadOnlyList<string> Units, StandingResponse? Consent, HolderAccessResponse Access);

/// <param name="Progress">"not-invited", "invited", "opened", "verified", "signed" or "withdrawn" (the furthest step; paper counts too).</param>
/// <param name="InvitedAt">The latest personal link's issue time.</param>
/// <param name="OpenedAt">When a personal link of the holder was first opened.</param>
/// <param name="VerifiedAt">The latest verification with identity.</param>
/// <param name="VerificationMethod">"sms" or "provider:{name}".</param>
public sealed record HolderAccessResponse(string Progress, DateTimeOffset? InvitedAt, DateTimeOffset? OpenedAt, DateTimeOffset? VerifiedAt,
    string? VerificationMethod);
