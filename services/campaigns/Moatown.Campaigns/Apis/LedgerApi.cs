using Moatown.ServiceDefaults.Auditing;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Counting;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Ledger;
using Moatown.Campaigns.Model;
using Moatown.Campaigns.Registry;
using Moatown.Campaigns.Rolls;
using Moatown.ServiceDefaults.Authentication;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Campaigns.Apis;

public static class LedgerApi
{
    public const int MaxReferenceLength = 200;

    public static RouteGroupBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/{campaignId:guid}")
            .WithTags("Consent ledger");

        api.MapPost("/paper-consents", RecordPaperConsent).WithName(nameof(RecordPaperConsent))
            .RequireAuthorization(CampaignPolicies.Manage);
        api.MapPost("/paper-withdrawals", RecordPaperWithdrawal).WithName(nameof(RecordPaperWithdrawal))
            .RequireAuthorization(CampaignPolicies.Manage);
        api.MapGet("/ledger", ListLedger).WithName(nameof(ListLedger))
            .RequireAuthorization(CampaignPolicies.Read);
        return api;
    }

    /// <summary>A consent signed on paper, entered by staff with the scanned form's reference.</summary>
    public static Task<Results<Created<LedgerEntryResponse>, Ok<LedgerEntryResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RecordPaperConsent(
        Guid campaignId, PaperActionRequest request, ClaimsPrincipal user, CampaignsDbContext db, ConsentLedger ledger,
        PersonalDataProtector protector, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken) =>
        RecordPaperAsync(campaignId, LedgerAction.Consent, request, user, db, ledger, protector, audit, time, cancellationToken);

    /// <summary>A withdrawal (철회) on paper: withdraws any consent that counts, electronic, paper or deemed.</summary>
    public static Task<Results<Created<LedgerEntryResponse>, Ok<LedgerEntryResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RecordPaperWithdrawal(
        Guid campaignId, PaperActionRequest request, ClaimsPrincipal user, CampaignsDbContext db, ConsentLedger ledger,
        PersonalDataProtector protector, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken) =>
        RecordPaperAsync(campaignId, LedgerAction.Withdrawal, request, user, db, ledger, protector, audit, time, cancellationToken);

    /// <summary>The ledger in order, optionally of one holder: the history behind the tally.</summary>
    public static async Task<Results<Ok<List<LedgerEntryResponse>>, NotFound>> ListLedger(
        Guid campaignId, Guid? holderId, long? after, int? limit, ClaimsPrincipal user, CampaignsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Campaigns.VisibleTo(user).AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var entries = db.Ledger.AsNoTracking().Where(e => e.CampaignId == campaignId && e.Sequence > (after ?? 0));
        if (holderId is { } id)
        {
            entries = entries.Where(e => e.HolderId == id);
        }
        var page = await entries.OrderBy(e => e.Sequence).Take(Math.Clamp(limit ?? 500, 1, 5000)).ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Select(e => LedgerEntryResponse.From(e, null)).ToList());
    }

    private static async Task<Results<Created<LedgerEntryResponse>, Ok<LedgerEntryResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RecordPaperAsync(
        Guid campaignId, LedgerAction action, PaperActionRequest request, ClaimsPrincipal user, CampaignsDbContext db, ConsentLedger ledger,
        PersonalDataProtector protector, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await db.Campaigns.ManageableBy(user).AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var now = time.GetUtcNow();
        var errors = Validate(request, now);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var holderId = request.HolderId ?? await AuthorityHolderAsync(db, protector, campaignId, request.ManagingAuthority!.Trim(), cancellationToken);
        if (holderId is null)
        {
            return NotOnRoll($"No managing authority \"{request.ManagingAuthority!.Trim()}\" is on the campaign's current roll.");
        }

        var outcome = await ledger.RecordAsync(new LedgerRequest(campaignId, holderId.Value, action, LedgerSource.Paper,
            request.SignedAt ?? now, request.Reference!.Trim(), null, user.SubjectId()), cancellationToken);
        if (outcome is { Refusal: null, Repeated: false, Entry: { } entry })
        {
            // The ledger names who entered it too; the audit chain makes a later quiet change to either detectable.
            await audit.RecordAsync(new AuditEntry(action == LedgerAction.Consent ? "ledger.paper-consent" : "ledger.paper-withdrawal",
                $"campaign/{campaignId}/holder/{holderId}", AuditOutcomes.Success)
            {
                Detail = new Dictionary<string, string> { ["ledgerSequence"] = entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            }, cancellationToken);
        }
        return outcome switch
        {
            { Refusal: LedgerRefusal.CampaignNotFound } => TypedResults.NotFound(),
            { Refusal: LedgerRefusal.CampaignNotOpen } => Problem(StatusCodes.Status409Conflict, "Campaign is not open",
                "Consents and withdrawals are recorded only while the campaign is open."),
            { Refusal: LedgerRefusal.HolderNotOnRoll } => NotOnRoll($"Holder {holderId} is not on the campaign's current roll."),
            { Refusal: LedgerRefusal.NothingToWithdraw } => Problem(StatusCodes.Status409Conflict, "Nothing to withdraw",
                "This holder has no consent that counts now, so there is nothing to withdraw."),
            { Repeated: true } => TypedResults.Ok(LedgerEntryResponse.From(outcome.Entry!, outcome.Tally)),
            _ => TypedResults.Created($"/api/campaigns/{campaignId}/ledger?holderId={holderId}", LedgerEntryResponse.From(outcome.Entry!, outcome.Tally)),
        };
    }

    private static Dictionary<string, string[]> Validate(PaperActionRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var byAuthority = !string.IsNullOrWhiteSpace(request.ManagingAuthority);
        if (request.HolderId is null == !byAuthority)
        {
            errors["holderId"] = ["Name either the holder (holderId) or the managing authority (managingAuthority), not both."];
        }
        if (string.IsNullOrWhiteSpace(request.Reference) || request.Reference.Trim().Length > MaxReferenceLength)
        {
            errors["reference"] = [$"Give the paper form's reference (scan or filing number), 1 to {MaxReferenceLength} characters."];
        }
        // A little clock skew is tolerated; a form dated tomorrow is a typing error.
        if (request.SignedAt > now.AddMinutes(5))
        {
            errors["signedAt"] = ["The date on the form cannot be in the future."];
        }
        return errors;
    }

    /// <summary>Authorities are holders too, found by the same blind index as on import.</summary>
    private static async Task<Guid?> AuthorityHolderAsync(CampaignsDbContext db, PersonalDataProtector protector, Guid campaignId, string authority, CancellationToken cancellationToken)
    {
        var index = protector.BlindIndex(HolderKey.OfAuthority(authority).Value, PersonalDataPurposes.HolderKey);
        return await db.Holders.Where(h => h.CampaignId == campaignId && h.KeyIndex == index).Select(h => (Guid?)h.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private static ProblemHttpResult NotOnRoll(string detail) =>
        Problem(StatusCodes.Status422UnprocessableEntity, "Not on the roll", detail + " Check the holder list and enter the form again.");

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}

/// <param name="HolderId">The holder who signed the form, from the holder list.</param>
/// <param name="ManagingAuthority">Instead of a holder: the managing authority of public land, by name.</param>
/// <param name="Reference">The scanned form's reference.</param>
/// <param name="SignedAt">The date on the form; now when not given.</param>
public sealed record PaperActionRequest(Guid? HolderId, string? ManagingAuthority, string? Reference, DateTimeOffset? SignedAt);

public sealed record LedgerEntryResponse(long Sequence, Guid HolderId, string Action, string Source, DateTimeOffset At,
    DateTimeOffset RecordedAt, string Reference, string? DocumentHash, Tally? Tally)
{
    internal static LedgerEntryResponse From(LedgerEntry entry, Tally? tally) => new(
        entry.Sequence, entry.HolderId,
        entry.Action == LedgerAction.Consent ? "consent" : "withdrawal",
        entry.Source.ToString().ToLowerInvariant(),
        entry.At, entry.RecordedAt, entry.Reference, entry.DocumentHash, tally);
}
