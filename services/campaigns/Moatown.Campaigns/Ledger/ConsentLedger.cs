using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Model;
using Moatown.Campaigns.PublicEvents;
using Moatown.Campaigns.Tallies;

namespace Moatown.Campaigns.Ledger;

/// <summary>
/// Appends consents and withdrawals to a campaign's ledger and moves its live count in the same
/// step: the entry, its sequence number, the tally's events and the change notice commit together.
/// </summary>
public sealed class ConsentLedger(CampaignsDbContext db, LiveTallies tallies, TallySignals signals, TimeProvider time)
{
    public async Task<LedgerOutcome> RecordAsync(LedgerRequest request, CancellationToken cancellationToken)
    {
        using var lease = await tallies.EnterAsync(request.CampaignId, cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var result = await AppendAsync(lease, request, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch
            {
                // The count may hold an entry that never committed; another replica may commit
                // its own entry under the same sequence number.
                lease.Invalidate();
                throw;
            }
        });
        if (outcome is { Entry: not null, Repeated: false })
        {
            signals.Changed(request.CampaignId);
        }
        return outcome;
    }

    /// <summary>
    /// Within the caller's transaction and lease: a consumer runs it inside its inbox transaction.
    /// A caller whose transaction does not commit must invalidate the lease.
    /// </summary>
    internal async Task<LedgerOutcome> AppendAsync(TallyLease lease, LedgerRequest request, CancellationToken cancellationToken)
    {
        var campaign = await TallyEvents.LockCampaignAsync(db, request.CampaignId, cancellationToken);
        if (campaign is null)
        {
            return LedgerOutcome.Refused(LedgerRefusal.CampaignNotFound);
        }
        if (!Accepts(campaign, request))
        {
            return LedgerOutcome.Refused(LedgerRefusal.CampaignNotOpen);
        }
        var tally = (await lease.CatchUpAsync(db, cancellationToken))!;
        // Staff can only enter a form for someone on the roll now. An electronic action was signed
        // against the roll of its moment: a holder who has left since keeps it in their history.
        var known = request.Source == LedgerSource.Paper
            ? tally.Holds(request.HolderId)
            : await db.Holders.AnyAsync(h => h.Id == request.HolderId && h.CampaignId == request.CampaignId, cancellationToken);
        if (!known)
        {
            return LedgerOutcome.Refused(LedgerRefusal.HolderNotOnRoll);
        }

        // The same form or the same signing event again records nothing new.
        var same = await db.Ledger.AsNoTracking().FirstOrDefaultAsync(e => e.CampaignId == request.CampaignId
            && e.HolderId == request.HolderId && e.Action == request.Action && e.Source == request.Source
            && e.Reference == request.Reference, cancellationToken);
        if (same is not null)
        {
            return new LedgerOutcome(same, tally.Tally(), Repeated: true, null);
        }
        if (request.Source == LedgerSource.Paper && request.Action == LedgerAction.Withdrawal
            && tally.StandingOf(request.HolderId) is not { Consents: true })
        {
            return LedgerOutcome.Refused(LedgerRefusal.NothingToWithdraw);
        }

        var now = time.GetUtcNow();
        var before = tally.Tally();
        campaign.LedgerSequence++;
        var entry = new LedgerEntry
        {
            CampaignId = campaign.Id,
            Sequence = campaign.LedgerSequence,
            HolderId = request.HolderId,
            Action = request.Action,
            Source = request.Source,
            At = request.At,
            RecordedAt = now,
            RecordedBy = request.RecordedBy,
            Reference = request.Reference,
            DocumentHash = request.DocumentHash,
        };
        db.Ledger.Add(entry);
        db.AppendLedgerEntry(campaign, entry, now);
        tally.Apply(entry);
        var after = tally.Tally();
        TallyEvents.Publish(db, campaign, before, after, now);
        await db.SaveChangesAsync(cancellationToken);
        await TallyEvents.NotifyOnCommitAsync(db, campaign.Id, cancellationToken);
        return new LedgerOutcome(entry, after, Repeated: false, null);
    }

    /// <summary>
    /// An open campaign takes every action. A closed one still takes an electronic action signed
    /// before it closed whose event arrived late; paper entered after closing is refused.
    /// </summary>
    private static bool Accepts(Campaign campaign, LedgerRequest request) => campaign.Status switch
    {
        CampaignStatus.Open => true,
        CampaignStatus.Closed => request.Source == LedgerSource.Electronic && campaign.ClosedAt is { } closedAt && request.At <= closedAt,
        _ => false,
    };
}
