using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Invitations;
using Moatown.Campaigns.Model;
using Moatown.Campaigns.Residents;
using Moatown.Campaigns.Rolls;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Campaigns.Apis;

/// <summary>
/// Internal: what other services need of a personal link at the moment they act on it, since the
/// phone number and the token must not travel in events. The notifications service fetches what a
/// text message needs; the identity service finds out whom an opened link names. Under
/// <c>/internal</c>, which the gateway does not route, each endpoint open only to its one service client.
/// </summary>
public static class InternalInvitationsApi
{
    public static RouteGroupBuilder MapInternalInvitationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/internal/campaigns/invitations")
            .WithTags("Internal");

        api.MapGet("/{invitationId:guid}/delivery", GetInvitationDelivery).WithName(nameof(GetInvitationDelivery))
            .RequireAuthorization(CampaignPolicies.InvitationDelivery);
        api.MapPost("/resolve", ResolveInvitation).WithName(nameof(ResolveInvitation))
            .RequireAuthorization(CampaignPolicies.InvitationResolution);
        return api;
    }

    /// <summary>
    /// The holder and campaign a personal link names, for identity when a resident opens it; the
    /// first opening is recorded. Unknown tokens are 404; replaced or expired links, and links of a
    /// campaign no longer open, are 410 with the reason (identity words it for the resident).
    /// </summary>
    public static async Task<Results<Ok<ResolvedInvitationResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ResolveInvitation(
        ResolveInvitationRequest request, CampaignsDbContext db, PersonalDataProtector protector, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Token) || request.Token.Length > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = ["Send the token from the personal link."] });
        }
        var hash = InvitationTokens.Hash(request.Token.Trim());
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null)
        {
            return TypedResults.NotFound();
        }
        var now = time.GetUtcNow();
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == invitation.CampaignId).Select(c => new { c.Name, c.Status }).SingleAsync(cancellationToken);
        var status = invitation.StatusAt(now);
        if (status != InvitationStatus.Active || campaign.Status != CampaignStatus.Open)
        {
            var reason = campaign.Status != CampaignStatus.Open ? "campaign-not-open" : status.ToString().ToLowerInvariant();
            return TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Personal link no longer works",
                detail: $"This link is {reason}.", extensions: new Dictionary<string, object?> { ["reason"] = reason });
        }
        var first = invitation.OpenedAt is null;
        if (first)
        {
            invitation.OpenedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
        var phone = await HolderPhones.FindAsync(db, invitation.CampaignId, invitation.HolderId, cancellationToken);
        return TypedResults.Ok(new ResolvedInvitationResponse(invitation.Id, invitation.CampaignId, invitation.HolderId, campaign.Name, invitation.ExpiresAt, first,
            Contact.From(phone is null ? null : protector.Unprotect(phone, PersonalDataPurposes.Phone), protector)));
    }

    public static async Task<Results<Ok<InvitationDeliveryResponse>, NotFound, ProblemHttpResult>> GetInvitationDelivery(
        Guid invitationId, CampaignsDbContext db, PersonalDataProtector protector, IOptions<InvitationOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        if (invitation is null)
        {
            return TypedResults.NotFound();
        }
        // A replaced or expired link is not sent: the newer invitation has its own message.
        if (invitation.StatusAt(time.GetUtcNow()) is not InvitationStatus.Active and var status)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Invitation no longer active",
                detail: $"This invitation is {status.ToString().ToLowerInvariant()}; do not send it.");
        }
        if (options.Value.LinkBase is not { } linkBase)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Invitation links are not configured",
                detail: $"Set {InvitationOptions.SectionName}:LinkBase to the public address personal links start with.");
        }
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == invitation.CampaignId).Select(c => c.Name).SingleAsync(cancellationToken);
        var phone = await HolderPhones.FindAsync(db, invitation.CampaignId, invitation.HolderId, cancellationToken);
        if (phone is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "No phone number",
                detail: "The holder has no phone number on the campaign's current roll any more.");
        }
        var token = protector.Unprotect(invitation.TokenProtected, InvitationTokens.ProtectionPurpose);
        return TypedResults.Ok(new InvitationDeliveryResponse(invitation.Id, invitation.CampaignId, invitation.HolderId, campaign,
            protector.Unprotect(phone, PersonalDataPurposes.Phone), new Uri($"{linkBase.ToString().TrimEnd('/')}/{token}"), invitation.ExpiresAt,
            invitation.Kind == InvitationKind.Reminder ? "reminder" : "invitation"));
    }
}

/// <param name="Token">The token from the personal link, as the resident's browser sent it.</param>
public sealed record ResolveInvitationRequest(string? Token);

/// <summary>Whom a live link names: identity verifies that person next.</summary>
/// <param name="Contact">The roll's phone number as identity may know it; null when the roll has none (the holder verifies with a certificate provider).</param>
public sealed record ResolvedInvitationResponse(Guid InvitationId, Guid CampaignId, Guid HolderId, string CampaignName, DateTimeOffset ExpiresAt, bool FirstOpening,
    Contact? Contact);

/// <param name="Phone">E.164, as the roll gives it.</param>
/// <param name="Link">The personal link, token included: a secret.</param>
public sealed record InvitationDeliveryResponse(Guid InvitationId, Guid CampaignId, Guid HolderId, string CampaignName, string Phone, Uri Link,
    DateTimeOffset ExpiresAt, string Kind);
