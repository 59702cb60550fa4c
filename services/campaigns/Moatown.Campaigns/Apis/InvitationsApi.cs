using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Invitations;
using Moatown.Campaigns.Model;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.Campaigns.Apis;

public static class InvitationsApi
{
    public static RouteGroupBuilder MapInvitationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/{campaignId:guid}/invitations")
            .WithTags("Invitations");

        api.MapPost("/", IssueInvitations).WithName(nameof(IssueInvitations))
            .RequireAuthorization(CampaignPolicies.Manage);
        api.MapGet("/", ListInvitations).WithName(nameof(ListInvitations))
            .RequireAuthorization(CampaignPolicies.Read);
        return api;
    }

    /// <summary>
    /// New personal links for every holder with a phone number on the roll, or for the holders
    /// named; with <c>"reminder": true</c>, only for those who do not consent now. Each replaces the
    /// holder's earlier links. The answer names who was left out and why.
    /// </summary>
    public static async Task<Results<Created<InvitationsIssuedResponse>, NotFound, ProblemHttpResult>> IssueInvitations(
        Guid campaignId, IssueInvitationsRequest? request, ClaimsPrincipal user, CampaignsDbContext db, InvitationIssuer issuer, CancellationToken cancellationToken)
    {
        if (!await db.Campaigns.ManageableBy(user).AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var outcome = await issuer.IssueAsync(campaignId, request?.HolderIds,
            request?.Reminder == true ? InvitationKind.Reminder : InvitationKind.Invitation, user.SubjectId(), cancellationToken);
        return outcome.Refusal switch
        {
            InvitationRefusal.CampaignNotFound => TypedResults.NotFound(),
            InvitationRefusal.CampaignNotOpen => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Campaign is not open",
                detail: "Owners are invited once the campaign is open."),
            InvitationRefusal.HoldersNotOnRoll => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not on the roll",
                detail: $"{outcome.Skipped.Count} of the holders named are not on the campaign's current roll; nobody was invited.",
                extensions: new Dictionary<string, object?> { ["holderIds"] = outcome.Skipped }),
            _ => TypedResults.Created($"/api/campaigns/{campaignId}/invitations", new InvitationsIssuedResponse(
                outcome.Issued.Select(InvitationResponse.From).ToList(), outcome.WithoutPhone, outcome.AlreadyConsenting)),
        };
    }

    /// <summary>The campaign's personal links (never their tokens), optionally of one holder.</summary>
    public static async Task<Results<Ok<List<InvitationResponse>>, NotFound>> ListInvitations(
        Guid campaignId, Guid? holderId, ClaimsPrincipal user, CampaignsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await db.Campaigns.VisibleTo(user).AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var invitations = db.Invitations.AsNoTracking().Where(i => i.CampaignId == campaignId);
        if (holderId is { } id)
        {
            invitations = invitations.Where(i => i.HolderId == id);
        }
        var now = time.GetUtcNow();
        var list = await invitations.OrderByDescending(i => i.IssuedAt).Take(5000).ToListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(i => InvitationResponse.From(i, now)).ToList());
    }
}

/// <param name="HolderIds">Whom to invite; everyone on the roll with a phone number when not given.</param>
/// <param name="Reminder">A reminder: skips the holders who consent now.</param>
public sealed record IssueInvitationsRequest(IReadOnlyList<Guid>? HolderIds, bool? Reminder);

/// <param name="WithoutPhone">Holders named (or on the roll) who have no phone number: invite them on paper or by the identity provider path.</param>
/// <param name="AlreadyConsenting">Left out of a reminder: they consent now.</param>
public sealed record InvitationsIssuedResponse(IReadOnlyList<InvitationResponse> Issued, IReadOnlyList<Guid> WithoutPhone, IReadOnlyList<Guid> AlreadyConsenting);

/// <param name="OpenedAt">When the owner first opened the link; null while unopened.</param>
public sealed record InvitationResponse(Guid InvitationId, Guid HolderId, string Kind, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string Status,
    DateTimeOffset? OpenedAt)
{
    internal static InvitationResponse From(Invitation invitation) => From(invitation, invitation.IssuedAt);

    internal static InvitationResponse From(Invitation invitation, DateTimeOffset now) => new(
        invitation.Id, invitation.HolderId, invitation.Kind.ToString().ToLowerInvariant(), invitation.IssuedAt, invitation.ExpiresAt,
        invitation.StatusAt(now).ToString().ToLowerInvariant(), invitation.OpenedAt);
}
