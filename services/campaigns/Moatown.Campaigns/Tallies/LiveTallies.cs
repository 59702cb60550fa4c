using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Counting;
using Moatown.Campaigns.Data;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Campaigns.Tallies;

/// <summary>
/// The counts this process keeps in memory, one per campaign, each behind its own gate. The
/// database is the truth: every use first catches up with the campaign's ledger and roll version
/// (one small query when nothing changed), so replicas of this service agree without talking to
/// each other.
/// </summary>
public sealed class LiveTallies(PersonalDataProtector protector, TimeProvider time, ILogger<LiveTallies> logger)
{
    private readonly ConcurrentDictionary<Guid, Slot> slots = new();

    /// <summary>Campaigns whose count this process holds in memory now.</summary>
    public int CountedCampaigns => slots.Values.Count(s => s.Current is not null || s.Roll is not null);

    /// <summary>Waits for the campaign's gate; dispose the lease to let the next one in.</summary>
    internal async Task<TallyLease> EnterAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        var slot = slots.GetOrAdd(campaignId, _ => new Slot());
        await slot.Gate.WaitAsync(cancellationToken);
        slot.LastUsed = time.GetTimestamp();
        return new TallyLease(this, campaignId, slot);
    }

    /// <summary>
    /// Lets go of the counts nobody used for <paramref name="idleFor"/>: a 100,000-holder roll's
    /// count holds tens of megabytes, and a campaign that closed, or that nobody watches tonight,
    /// is recounted from the database when it is asked for again. A watched campaign's streams use
    /// its count at every change and heartbeat, so it stays.
    /// </summary>
    public int ReleaseIdle(TimeSpan idleFor)
    {
        var released = 0;
        foreach (var slot in slots.Values)
        {
            if (time.GetElapsedTime(slot.LastUsed) < idleFor || (slot.Current is null && slot.Roll is null) || !slot.Gate.Wait(0))
            {
                continue;
            }
            try
            {
                (slot.Current, slot.Roll, slot.RollVersionId) = (null, null, null);
                released++;
            }
            finally
            {
                slot.Gate.Release();
            }
        }
        return released;
    }

    /// <summary>The campaign's tally now and the ledger sequence it includes, or null when there is no such campaign.</summary>
    public async Task<TallySnapshot?> TallyAsync(CampaignsDbContext db, Guid campaignId, CancellationToken cancellationToken)
    {
        using var lease = await EnterAsync(campaignId, cancellationToken);
        var tally = await lease.CatchUpAsync(db, cancellationToken);
        return tally is null ? null : new TallySnapshot(tally.Tally(), tally.Sequence);
    }

    /// <summary>Reads what changed since the lease's count was last brought up to date.</summary>
    internal async Task<CampaignTally?> CatchUpAsync(Slot slot, CampaignsDbContext db, Guid campaignId, CancellationToken cancellationToken)
    {
        // One statement, one snapshot: the roll version and the ledger sequence belong together.
        var state = await db.Campaigns.AsNoTracking()
            .Where(c => c.Id == campaignId)
            .Select(c => new
            {
                c.Counting,
                c.LedgerSequence,
                c.CreatedAt,
                Roll = db.RollVersions.Where(v => v.CampaignId == c.Id && v.IsCurrent)
                    .Select(v => new { v.Id, v.Version, v.ImportedAt })
                    .FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (state is null)
        {
            return null;
        }

        var current = slot.Current;
        // A count ahead of the database holds a write that never committed: it is recounted.
        if (current is not null && current.RollVersionId == state.Roll?.Id && current.Counting == state.Counting && current.Sequence <= state.LedgerSequence)
        {
            if (state.LedgerSequence > current.Sequence)
            {
                foreach (var entry in await CountLoader.LoadLedgerAsync(db, campaignId, current.Sequence, state.LedgerSequence, cancellationToken))
                {
                    current.Apply(entry);
                }
            }
            return current;
        }

        // A new roll version or new rules: the full recompute.
        var roll = state.Roll is null
            ? CountedRoll.Build([], "")
            : slot.RollVersionId == state.Roll.Id && slot.Roll is not null
                ? slot.Roll
                : await CountLoader.LoadRollAsync(db, state.Roll.Id, state.Roll.Version, protector, cancellationToken);
        (slot.RollVersionId, slot.Roll) = (state.Roll?.Id, roll);
        var ledger = await CountLoader.LoadLedgerAsync(db, campaignId, 0, state.LedgerSequence, cancellationToken);
        var consents = ConsentState.From(ledger.Select(CountLoader.ToAction));
        var asOf = new[] { state.CreatedAt, state.Roll?.ImportedAt ?? state.CreatedAt, ledger.Count > 0 ? ledger.Max(e => e.RecordedAt) : state.CreatedAt }.Max();
        slot.Current = new CampaignTally(campaignId, state.Roll?.Id, state.Counting, new ConsentCount(roll, consents, state.Counting.ToRules()), state.LedgerSequence, asOf);
        logger.LogDebug("Counted campaign {CampaignId} in full: {Owners} owners, ledger at {Sequence}", campaignId, roll.Owners.Count, state.LedgerSequence);
        return slot.Current;
    }

    internal sealed class Slot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public CampaignTally? Current { get; set; }
        /// <summary>The last roll built, kept apart from the count: new rules or a failed write recount without reloading it.</summary>
        public Guid? RollVersionId { get; set; }
        public CountedRoll? Roll { get; set; }
        public long LastUsed { get; set; }
    }
}

/// <param name="Sequence">The last ledger entry the tally includes.</param>
public sealed record TallySnapshot(Tally Tally, long Sequence);

/// <summary>
/// Exclusive use of one campaign's count in this process. A writer that changed the count but
/// could not commit calls <see cref="Invalidate"/>, so the next user recounts from the database.
/// </summary>
internal sealed class TallyLease(LiveTallies tallies, Guid campaignId, LiveTallies.Slot slot) : IDisposable
{
    public Task<CampaignTally?> CatchUpAsync(CampaignsDbContext db, CancellationToken cancellationToken) =>
        tallies.CatchUpAsync(slot, db, campaignId, cancellationToken);

    public void Invalidate() => slot.Current = null;

    public void Dispose() => slot.Gate.Release();
}
