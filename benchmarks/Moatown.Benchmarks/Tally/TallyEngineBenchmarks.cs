using BenchmarkDotNet.Attributes;
using Moatown.Campaigns.Counting;
using Moatown.Campaigns.Registry;

namespace Moatown.Benchmarks.Tally;

/// <summary>
/// The counting engine on a 100,000-holder roll: building the counted roll, the full recompute
/// (a new <see cref="ConsentCount"/>) and one incremental update (<see cref="ConsentCount.Apply"/>).
/// Both tally figures include reading the <see cref="Campaigns.Counting.Tally"/>, since that is
/// what a dashboard waits for.
/// </summary>
public class TallyEngineBenchmarks
{
    public const int Holders = 100_000;

    private IReadOnlyList<RollRow> rows = null!;
    private CountedRoll roll = null!;
    private ConsentState state = null!;
    private ConsentCount count = null!;
    private HolderKey[] actors = null!;
    private int next;
    private DateTimeOffset clock;

    [GlobalSetup]
    public void Setup()
    {
        rows = TallyInputs.Rows(Holders);
        roll = CountedRoll.Build(rows, "sha256:bench");
        state = TallyInputs.CampaignUnderway(roll, out clock);
        count = new ConsentCount(roll, state);
        actors = TallyInputs.Actors(roll);
    }

    [Benchmark]
    public CountedRoll Build() => CountedRoll.Build(rows, "sha256:bench");

    [Benchmark]
    public Campaigns.Counting.Tally FullRecompute() => new ConsentCount(roll, state).Tally(Guid.Empty, clock);

    /// <summary>
    /// Each call flips one holder (consent ↔ withdrawal), going round a shuffled set of holders,
    /// so the state keeps its mix however many calls are made.
    /// </summary>
    [Benchmark]
    public Campaigns.Counting.Tally IncrementalUpdate()
    {
        var holder = actors[next++ % actors.Length];
        clock = clock.AddSeconds(1);
        var action = count.StandingOf(holder) is { Consents: true }
            ? ConsentAction.Withdrawal(holder, ConsentSource.Electronic, clock)
            : ConsentAction.Consent(holder, ConsentSource.Electronic, clock);
        count.Apply(action);
        return count.Tally(Guid.Empty, clock);
    }
}
