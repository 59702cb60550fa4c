using Moatown.Campaigns.Registry;

namespace Moatown.Campaigns.Counting;

/// <summary>
/// The live count of one campaign on one roll version: the consent state and running totals.
/// Constructing it is the full recompute; <see cref="Apply"/> is the incremental update, which
/// re-evaluates only the owners the acting holder belongs to. Both give the same tally.
/// Not thread-safe: one writer per campaign.
/// </summary>
public sealed class ConsentCount
{
    private readonly ConsentState state;
    private readonly HolderConsent?[] standings;
    private readonly bool[] ownerConsents;
    private readonly ConsentSource[] ownerSources;
    private readonly decimal[] ownerAreas;
    private readonly int[] bySource = new int[3];
    private readonly decimal totalArea;
    private int consentedOwners;
    private decimal consentedArea;
    private int withdrawals;

    /// <param name="state">Copied: later changes go through <see cref="Apply"/>.</param>
    public ConsentCount(CountedRoll roll, ConsentState state, CountingRules? rules = null)
    {
        Roll = roll;
        Rules = rules ?? CountingRules.Default;
        this.state = state.Copy();

        var exclude = Rules.ExcludePublicLandFromArea;
        totalArea = exclude ? roll.TotalLandAreaM2 - roll.PublicLandAreaM2 : roll.TotalLandAreaM2;
        var owners = roll.OwnerArray;
        ownerAreas = new decimal[owners.Length];
        foreach (var owner in owners) ownerAreas[owner.Index] = exclude ? owner.LandAreaM2 - owner.PublicLandAreaM2 : owner.LandAreaM2;
        ownerConsents = new bool[owners.Length];
        ownerSources = new ConsentSource[owners.Length];

        standings = new HolderConsent?[roll.Holders.Count];
        foreach (var holder in roll.Holders)
        {
            standings[holder.Index] = this.state.Of(holder.Key);
            if (IsWithdrawn(holder)) withdrawals++;
        }
        foreach (var owner in owners) Reevaluate(owner);
    }

    public CountedRoll Roll { get; }
    public CountingRules Rules { get; }

    public HolderConsent? StandingOf(HolderKey holder) => state.Of(holder);

    /// <summary>A copy of the consent state, e.g. to recompute or to compute transfers.</summary>
    public ConsentState CopyState() => state.Copy();

    /// <summary>
    /// Records a consent or withdrawal and updates the totals. Returns false when the action is
    /// older than the holder's standing (history only, rule 17). An action of a holder who is not
    /// on this roll (or is unlocatable) is kept in the state but moves no total.
    /// </summary>
    public bool Apply(ConsentAction action)
    {
        if (!state.Apply(action)) return false;
        if (Roll.FindHolder(action.Holder) is not { } holder) return true;

        if (IsWithdrawn(holder)) withdrawals--;
        standings[holder.Index] = state.Of(action.Holder);
        if (IsWithdrawn(holder)) withdrawals++;

        foreach (var owner in Roll.OwnersOf(holder)) Reevaluate(owner);
        return true;
    }

    public bool Consents(Owner owner) => ownerConsents[owner.Index];

    /// <param name="campaignId">Reported as is: the count does not know its campaign.</param>
    public Tally Tally(Guid campaignId, DateTimeOffset asOf) => new(
        campaignId,
        Roll.Version,
        Rules.RuleSet,
        new OwnerTally(consentedOwners, Roll.Owners.Count, Rules.OwnerThreshold),
        new LandAreaTally(consentedArea, totalArea, Rules.LandAreaThreshold, Rules.ExcludePublicLandFromArea),
        new ConsentsBySource(bySource[(int)ConsentSource.Electronic], bySource[(int)ConsentSource.Paper], bySource[(int)ConsentSource.DeemedByTransfer]),
        withdrawals,
        asOf);

    /// <summary>Which units, members and rules, and whether and why the owner consents now (rules 9–11).</summary>
    public OwnerExplanation Explain(Owner owner) => OwnerExplanation.Of(owner, ownerConsents[owner.Index], standings, Rules);

    /// <summary>Null when no owner has this key on this roll.</summary>
    public OwnerExplanation? Explain(OwnerKey key) => Roll.FindOwner(key) is { } owner ? Explain(owner) : null;

    // Withdrawals are holders whose standing is a withdrawal, among those the count can ask:
    // someone who withdrew and signed again, or left the roll, is not one now.
    private bool IsWithdrawn(RollHolder holder) =>
        standings[holder.Index] is { Withdrawn: true } && Roll.OwnersOf(holder).Length > 0;

    private void Reevaluate(Owner owner)
    {
        var i = owner.Index;
        var (consents, source) = OwnerConsent.Decide(owner, standings, Rules.GroupWithoutRepresentative);
        if (consents == ownerConsents[i] && (!consents || source == ownerSources[i])) return;

        if (ownerConsents[i])
        {
            consentedOwners--;
            consentedArea -= ownerAreas[i];
            bySource[(int)ownerSources[i]]--;
        }
        ownerConsents[i] = consents;
        ownerSources[i] = source;
        if (consents)
        {
            consentedOwners++;
            consentedArea += ownerAreas[i];
            bySource[(int)source]++;
        }
    }
}
