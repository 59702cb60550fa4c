using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Invitations;
using Moatown.Campaigns.Model;
using Moatown.Campaigns.Rolls;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Campaigns.Apis;

/// <summary>
/// Internal: what the notifications service needs to send an invitation, asked for at the moment
/// it sends, since the phone number and the link must not travel in events. Under <c>/internal</c>,
/// which the gateway does not route, and open only to the notifications service's own client.
/// </summary>
public static class InvitationDeliveryApi
{
    public static RouteGroupBuilder MapInvitationDeliveryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/internal/campaigns/invitations")
            .WithTags("Internal")
            .RequireAuthorization(CampaignPolicies.InvitationDelivery);

        api.MapGet("/{invitationId:guid}/delivery", GetInvitationDelivery).WithName(nameof(GetInvitationDelivery));
        return api;
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
        var phone = await db.RollEntries.AsNoTracking()
            .Where(e => e.HolderId == invitation.HolderId && e.PhoneProtected != null
                && db.RollVersions.Any(v => v.Id == e.RollVersionId && v.CampaignId == invitation.CampaignId && v.IsCurrent))
            .OrderBy(e => e.Line)
            .Select(e => e.PhoneProtected)
            .FirstOrDefaultAsync(cancellationToken);
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

/// <param name="Phone">E.164, as the roll gives it.</param>
/// <param name="Link">The personal link, token included: a secret.</param>
public sealed record InvitationDeliveryResponse(Guid InvitationId, Guid CampaignId, Guid HolderId, string CampaignName, string Phone, Uri Link,
    DateTimeOffset ExpiresAt, string Kind);
