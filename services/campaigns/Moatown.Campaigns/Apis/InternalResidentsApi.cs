using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Extensions;
using Moatown.Campaigns.Model;
using Moatown.Campaigns.Residents;
using Moatown.Campaigns.Rolls;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Campaigns.Apis;

/// <summary>
/// Internal: the roll's side of resident verification. Identity asks whom a resident who
/// identified themself on the QR entry page (or through a certificate provider) is; notifications
/// asks for the number a verification code goes to. Answers carry the least the caller needs: a
/// masked number for the resident's screen and a blind key of it for throttling, never the number
/// to identity.
/// </summary>
public static class InternalResidentsApi
{
    public static RouteGroupBuilder MapInternalResidentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/internal/campaigns/{campaignId:guid}/holders")
            .WithTags("Internal");

        api.MapPost("/identify", IdentifyHolder).WithName(nameof(IdentifyHolder))
            .RequireAuthorization(CampaignPolicies.ResidentIdentification);
        api.MapGet("/{holderId:guid}/contact", GetHolderContact).WithName(nameof(GetHolderContact))
            .RequireAuthorization(CampaignPolicies.ResidentContact);
        return api;
    }

    /// <summary>
    /// The person of the current roll with this name and birth date, and this phone when one is
    /// given. 404 when nobody matches (reason "campaign-unknown" when the campaign does not exist), 409 when two holders do (namesakes born the same day: they
    /// sign on paper), 410 when the campaign is not open.
    /// </summary>
    public static async Task<Results<Ok<IdentifiedHolderResponse>, NotFound, ValidationProblem, ProblemHttpResult>> IdentifyHolder(
        Guid campaignId, IdentifyHolderRequest request, CampaignsDbContext db, PersonalDataProtector protector, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            errors["name"] = ["Give the name as on the roll (at most 100 characters)."];
        }
        if (request.BirthDate is null)
        {
            errors["birthDate"] = ["Give the birth date (yyyy-MM-dd)."];
        }
        string? phone = null;
        if (request.Phone is not null && (phone = KoreanMobile.ToE164(request.Phone)) is null)
        {
            errors["phone"] = ["Give a Korean mobile number (010-1234-5678)."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => new { c.Name, c.Status }).FirstOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Campaign not found",
                detail: "No campaign has this id.", extensions: new Dictionary<string, object?> { ["reason"] = "campaign-unknown" });
        }
        if (campaign.Status != CampaignStatus.Open)
        {
            return CampaignNotOpen();
        }

        var person = ResidentMatchKeys.Person(request.Name!, request.BirthDate!.Value);
        var version = db.RollVersions.Where(v => v.CampaignId == campaignId && v.IsCurrent).Select(v => v.Id);
        var query = db.RollEntries.AsNoTracking().Where(e => version.Contains(e.RollVersionId));
        if (phone is null)
        {
            var personIndex = protector.BlindIndex(person, PersonalDataPurposes.PersonIndex);
            query = query.Where(e => e.PersonIndex == personIndex);
        }
        else
        {
            var contactIndex = protector.BlindIndex(ResidentMatchKeys.Contact(person, phone), PersonalDataPurposes.ContactIndex);
            query = query.Where(e => e.ContactIndex == contactIndex);
        }
        var matches = await query.Select(e => new { e.HolderId, e.PhoneProtected }).ToListAsync(cancellationToken);
        var holders = matches.Select(m => m.HolderId).Distinct().ToList();
        if (holders.Count == 0)
        {
            return TypedResults.NotFound();
        }
        if (holders.Count > 1)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "More than one holder matches",
                detail: "Two holders on the roll share this name and birth date; they are identified by the organizer, on paper.");
        }
        var rollPhone = matches.Select(m => m.PhoneProtected).FirstOrDefault(p => p is not null) is { } sealedPhone
            ? protector.Unprotect(sealedPhone, PersonalDataPurposes.Phone)
            : null;
        return TypedResults.Ok(new IdentifiedHolderResponse(holders[0], campaign.Name, Contact.From(rollPhone, protector)));
    }

    /// <summary>The phone number on the current roll, for the text message that is being sent to it now.</summary>
    public static async Task<Results<Ok<HolderContactResponse>, NotFound, ProblemHttpResult>> GetHolderContact(
        Guid campaignId, Guid holderId, CampaignsDbContext db, PersonalDataProtector protector, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return TypedResults.NotFound();
        }
        var phone = await HolderPhones.FindAsync(db, campaignId, holderId, cancellationToken);
        return phone is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "No phone number",
                detail: "The holder has no phone number on the campaign's current roll.")
            : TypedResults.Ok(new HolderContactResponse(campaignId, holderId, campaign, protector.Unprotect(phone, PersonalDataPurposes.Phone)));
    }

    private static ProblemHttpResult CampaignNotOpen() =>
        TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Campaign not open",
            detail: "The campaign is not open for signing.", extensions: new Dictionary<string, object?> { ["reason"] = "campaign-not-open" });
}

/// <param name="Phone">Optional: the QR entry page asks for it, a certificate provider does not.</param>
public sealed record IdentifyHolderRequest(string? Name, DateOnly? BirthDate, string? Phone);

public sealed record IdentifiedHolderResponse(Guid HolderId, string CampaignName, Contact? Contact);

/// <summary>The roll's phone number as identity may know it.</summary>
/// <param name="PhoneKey">Blind index of the number (purpose <see cref="PhoneKeys.Purpose"/>), to throttle codes per number.</param>
/// <param name="MaskedPhone">"010-****-5678", to tell the resident where the code went.</param>
public sealed record Contact(string PhoneKey, string MaskedPhone)
{
    internal static Contact? From(string? e164, PersonalDataProtector protector) =>
        e164 is null ? null : new Contact(PhoneKeys.Of(protector, e164), PersonalDataMasking.Phone(e164));
}

/// <param name="Phone">E.164.</param>
public sealed record HolderContactResponse(Guid CampaignId, Guid HolderId, string CampaignName, string Phone);
