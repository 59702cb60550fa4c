using System.Globalization;
using Moatown.Campaigns.Counting;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Moatown.UnitTests.Campaigns.Counting;

/// <summary>
/// Generated rolls and action sequences: after every action, the incremental tally equals a full
/// recompute from the roll and the history, and both equal a naive reading of the rules.
/// Reproduce a failure with MOATOWN_COUNTING_SEED=&lt;seed&gt; (runs that roll only).
/// </summary>
public class IncrementalAgreesWithFullRecomputeTests(ITestOutputHelper output)
{
    private const int Rolls = 500;
    private const int ActionsPerRoll = 40;
    private const int BaseSeed = 20_260_701;

    [Fact]
    public void Incremental_updates_full_recompute_and_the_rules_read_naively_always_agree()
    {
        var only = Environment.GetEnvironmentVariable("MOATOWN_COUNTING_SEED");
        var seeds = only is null
            ? Enumerable.Range(BaseSeed, Rolls)
            : [int.Parse(only, CultureInfo.InvariantCulture)];
        output.WriteLine($"seeds {seeds.First()}..{seeds.Last()}");

        foreach (var seed in seeds)
        {
            try
            {
                RunOne(seed);
            }
            catch (Exception e)
            {
                throw new XunitException($"Seed {seed} (rerun with MOATOWN_COUNTING_SEED={seed}): {e.GetType().Name}: {e.Message}", e);
            }
        }
    }

    private static void RunOne(int seed)
    {
        var random = new Random(seed);
        var rows = RandomRolls.Generate(random, RollShape.Small(random));
        var rules = CountingRules.Default with
        {
            GroupWithoutRepresentative = random.Next(2) == 0 ? GroupConsentRule.MajorityOfShares : GroupConsentRule.AllHolders,
            ExcludePublicLandFromArea = random.Next(2) == 0,
        };
        var roll = CountedRoll.Build(rows, $"seed:{seed}");
        var count = new ConsentCount(roll, new ConsentState(), rules);
        var actors = RandomRolls.Actors(rows);
        var history = new List<ConsentAction>();
        var clock = CountingScenario.Start;
        var naiveCount = new NaiveCount(rows, rules);

        for (var step = 0; step < ActionsPerRoll; step++)
        {
            var action = RandomRolls.NextAction(random, actors, ref clock);
            history.Add(action);
            count.Apply(action);

            var incremental = count.Tally(Guid.Empty, clock);
            var full = new ConsentCount(roll, ConsentState.From(history), rules).Tally(Guid.Empty, clock);
            if (incremental != full)
                throw new XunitException($"step {step} ({action}): incremental {incremental} but full recompute {full}");

            var naive = naiveCount.Tally(history);
            var engine = (incremental.Owners.Consented, incremental.Owners.Total, incremental.LandArea.ConsentedM2,
                incremental.LandArea.TotalM2, incremental.BySource, incremental.Withdrawals);
            if (engine != naive)
                throw new XunitException($"step {step} ({action}): engine {engine} but the rules read naively give {naive}");
        }
    }
}
