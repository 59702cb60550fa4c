using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Apis;
using Moatown.Campaigns.Counting;
using Moatown.Campaigns.Data;

namespace Moatown.Campaigns.Residents;

/// <summary>
/// Each owner's way through the resident flow, for the organizer: invited (latest personal link),
/// opened it, verified with identity, and their consent standing. Two queries per campaign,
/// whatever the page.
/// </summary>
internal sealed class HolderAccess
{
    private readonly Dictionary<Guid, (DateTimeOffset InvitedAt, DateTimeOffset? OpenedAt)> _invitations;
    private readonly Dictionary<Guid, (DateTimeOffset At, string? Method)> _verifications;

    private HolderAccess(
        Dictionary<Guid, (DateTimeOffset, DateTimeOffset?)> invitations, Dictionary<Guid, (DateTimeOffset, string?)> verifications)
    {
        _invitations = invitations;
        _verifications = verifications;
    }

    public static async Task<HolderAccess> LoadAsync(CampaignsDbContext db, Guid campaignId, CancellationToken cancellationToken)
    {
        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.CampaignId == campaignId)
            .GroupBy(i => i.HolderId)
            .Select(g => new { HolderId = g.Key, InvitedAt = g.Max(i => i.IssuedAt), OpenedAt = g.Max(i => i.OpenedAt) })
            .ToDictionaryAsync(i => i.HolderId, i => (i.InvitedAt, i.OpenedAt), cancellationToken);
        var verifications = await db.Holders.AsNoTracking()
            .Where(h => h.CampaignId == campaignId && h.VerifiedAt != null)
            .ToDictionaryAsync(h => h.Id, h => (h.VerifiedAt!.Value, h.VerificationMethod), cancellationToken);
        return new HolderAccess(invitations, verifications);
    }

    public HolderAccessResponse Of(Guid holderId, HolderConsent? standing)
    {
        var invited = _invitations.TryGetValue(holderId, out var invitation);
        var verified = _verifications.TryGetValue(holderId, out var verification);
        var progress = standing switch
        {
            { LastAction: ConsentActionKind.Consent } => "signed",
            { LastAction: ConsentActionKind.Withdrawal } => "withdrawn",
            _ when verified => "verified",
            _ when invited && invitation.OpenedAt is not null => "opened",
            _ when invited => "invited",
            _ => "not-invited",
        };
        return new HolderAccessResponse(progress, invited ? invitation.InvitedAt : null, invited ? invitation.OpenedAt : null,
            verified ? verification.At : null, verified ? verification.Method : null);
    }
}
