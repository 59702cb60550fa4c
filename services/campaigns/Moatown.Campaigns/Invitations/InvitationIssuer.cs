using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Ledger;
using Moatown.Campaigns.Model;
using Moatown.Campaigns.Tallies;
using Moatown.Contracts.Campaigns;
using Moatown.ServiceDefaults.Messaging;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Campaigns.Invitations;

/// <summary>
/// Gives holders of an open campaign new personal links: everyone on the roll with a phone number,
/// or the holders named. Each new link replaces the holder's earlier ones; a reminder skips those
/// who consent now. The invitations and their InvitationIssued events commit together.
/// </summary>
public sealed class InvitationIssuer(CampaignsDbContext db, LiveTallies tallies, PersonalDataProtector protector, IOptions<InvitationOptions> options, TimeProvider time)
{
    public async Task<InvitationOutcome> IssueAsync(Guid campaignId, IReadOnlyCollection<Guid>? holderIds, InvitationKind kind, string issuedBy, CancellationToken cancellationToken)
    {
        // The count's gate before the row lock, as the ledger takes them: never the other way round.
        using var lease = await tallies.EnterAsync(campaignId, cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var campaign = await TallyEvents.LockCampaignAsync(db, campaignId, cancellationToken);
            if (campaign is null)
            {
                return InvitationOutcome.Refused(InvitationRefusal.CampaignNotFound);
            }
            if (campaign.Status != CampaignStatus.Open)
            {
                return InvitationOutcome.Refused(InvitationRefusal.CampaignNotOpen);
            }

            var onRoll = await HoldersOnRollAsync(campaignId, cancellationToken);
            if (holderIds?.Where(id => !onRoll.ContainsKey(id)).ToList() is { Count: > 0 } unknown)
            {
                return InvitationOutcome.Refused(InvitationRefusal.HoldersNotOnRoll) with { Skipped = unknown };
            }
            var targets = (holderIds ?? onRoll.Keys).Distinct().ToList();
            var withoutPhone = targets.Where(id => !onRoll[id]).ToList();
            var tally = await lease.CatchUpAsync(db, cancellationToken);
            var consenting = kind == InvitationKind.Reminder
                ? targets.Where(id => tally?.StandingOf(id) is { Consents: true }).ToList()
                : [];
            var invited = targets.Except(withoutPhone).Except(consenting).ToList();

            var now = time.GetUtcNow();
            await db.Invitations
                .Where(i => i.CampaignId == campaignId && invited.Contains(i.HolderId) && i.RevokedAt == null && i.ExpiresAt > now)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.RevokedAt, now), cancellationToken);
            var issued = new List<Invitation>(invited.Count);
            foreach (var holderId in invited)
            {
                var token = InvitationTokens.New();
                var invitation = new Invitation
                {
                    Id = Guid.NewGuid(),
                    CampaignId = campaignId,
                    HolderId = holderId,
                    Kind = kind,
                    TokenHash = InvitationTokens.Hash(token),
                    TokenProtected = protector.Protect(token, InvitationTokens.ProtectionPurpose),
                    IssuedAt = now,
                    ExpiresAt = now + options.Value.Lifetime,
                    IssuedBy = issuedBy,
                };
                db.Invitations.Add(invitation);
                db.Enqueue(new InvitationIssued(invitation.Id, campaignId, holderId, kind == InvitationKind.Reminder ? "reminder" : "invitation", invitation.ExpiresAt), now);
                issued.Add(invitation);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new InvitationOutcome(issued, withoutPhone, consenting, null);
        });
    }

    /// <summary>Every holder of the current roll, and whether the roll gives them a phone number.</summary>
    private async Task<Dictionary<Guid, bool>> HoldersOnRollAsync(Guid campaignId, CancellationToken cancellationToken) =>
        await db.RollEntries.AsNoTracking()
            .Where(e => db.RollVersions.Any(v => v.Id == e.RollVersionId && v.CampaignId == campaignId && v.IsCurrent))
            .GroupBy(e => e.HolderId)
            .Select(g => new { HolderId = g.Key, HasPhone = g.Any(e => e.PhoneProtected != null) })
            .ToDictionaryAsync(h => h.HolderId, h => h.HasPhone, cancellationToken);
}

public enum InvitationRefusal
{
    CampaignNotFound,
    CampaignNotOpen,
    HoldersNotOnRoll,
}

/// <param name="Skipped">For <see cref="InvitationRefusal.HoldersNotOnRoll"/>: the holders named who are not on the roll.</param>
public sealed record InvitationOutcome(IReadOnlyList<Invitation> Issued, IReadOnlyList<Guid> WithoutPhone, IReadOnlyList<Guid> AlreadyConsenting, InvitationRefusal? Refusal)
{
    public IReadOnlyList<Guid> Skipped { get; init; } = [];

    public static InvitationOutcome Refused(InvitationRefusal refusal) => new([], [], [], refusal);
}
