using Moatown.Campaigns.Counting;

namespace Moatown.UnitTests.Campaigns.Counting;

/// <summary>
/// A campaign's count driven action by action, as the ledger would: every action goes through
/// the incremental update, and every tally read is checked against a full recompute from the roll
/// and the history.
/// </summary>
internal sealed class CountingScenario(CountedRoll roll, CountingRules? rules = null)
{
    public static readonly DateTimeOffset Start = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly List<ConsentAction> history = [];

    public CountedRoll Roll { get; } = roll;
    public CountingRules Rules { get; } = rules ?? CountingRules.Default;
    public ConsentCount Count { get; } = new(roll, new ConsentState(), rules);
    public DateTimeOffset Now { get; private set; } = Start;
    public IReadOnlyList<ConsentAction> History => history;

    public CountingScenario Consent(Who who, ConsentSource source = ConsentSource.Electronic) =>
        Apply(ConsentAction.Consent(who.Key, source, Tick()));

    public CountingScenario Withdraw(Who who, ConsentSource source = ConsentSource.Electronic) =>
        Apply(ConsentAction.Withdrawal(who.Key, source, Tick()));

    public CountingScenario Apply(ConsentAction action)
    {
        history.Add(action);
        Count.Apply(action);
        if (action.At > Now) Now = action.At;
        return this;
    }

    /// <summary>The incremental tally, after checking that a full recompute gives the same.</summary>
    public Tally Tally()
    {
        var incremental = Count.Tally(Guid.Empty, Now);
        var full = new ConsentCount(Roll, ConsentState.From(history), Rules).Tally(Guid.Empty, Now);
        Assert.Equal(full, incremental);
        return incremental;
    }

    /// <summary>The owner whose counted members are exactly these.</summary>
    public Owner Owner(params Who[] members) => OwnerOf(Roll, members);

    public bool Consents(params Who[] members) => Count.Consents(Owner(members));

    public OwnerExplanation Explain(params Who[] members) => Count.Explain(Owner(members));

    public static Owner OwnerOf(CountedRoll roll, params Who[] members)
    {
        var keys = members.Select(m => m.Key).ToHashSet();
        return Assert.Single(roll.Owners, o => o.Members.Select(m => m.Key).ToHashSet().SetEquals(keys));
    }

    private DateTimeOffset Tick() => Now = Now.AddMinutes(1);
}
