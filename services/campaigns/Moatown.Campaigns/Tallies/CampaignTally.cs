using Moatown.Campaigns.Counting;
using Moatown.Campaigns.Model;

namespace Moatown.Campaigns.Tallies;

/// <summary>
/// One campaign's count as this process holds it: the current roll version, the campaign's
/// counting rules and the ledger up to <see cref="Sequence"/>. Touched only under the campaign's
/// gate (<see cref="TallyLease"/>).
/// </summary>
internal sealed class CampaignTally(Guid campaignId, Guid? rollVersionId, CampaignCounting counting, ConsentCount count, long sequence, DateTimeOffset asOf)
{
    public Guid CampaignId { get; } = campaignId;
    public Guid? RollVersionId { get; } = rollVersionId;
    public CampaignCounting Counting { get; } = counting;
    public ConsentCount Count { get; } = count;
    /// <summary>The last ledger sequence applied.</summary>
    public long Sequence { get; private set; } = sequence;
    /// <summary>When the last change this tally includes was recorded.</summary>
    public DateTimeOffset AsOf { get; private set; } = asOf;

    public bool Holds(Guid holderId) => Count.Roll.FindHolder(CountingKeys.Of(holderId)) is not null;

    public HolderConsent? StandingOf(Guid holderId) => Count.StandingOf(CountingKeys.Of(holderId));

    /// <summary>The incremental update: only the owners the holder belongs to are re-evaluated.</summary>
    public void Apply(LedgerEntry entry)
    {
        if (entry.Sequence != Sequence + 1)
        {
            throw new InvalidOperationException($"Ledger entry {entry.Sequence} applied after {Sequence}: the count would skip or repeat an action.");
        }
        Count.Apply(CountLoader.ToAction(entry));
        Sequence = entry.Sequence;
        if (entry.RecordedAt > AsOf) AsOf = entry.RecordedAt;
    }

    public Tally Tally() => Count.Tally(CampaignId, AsOf);
}
