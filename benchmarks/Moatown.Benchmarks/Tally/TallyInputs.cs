using Moatown.Campaigns.Counting;
using Moatown.Campaigns.Registry;

namespace Moatown.Benchmarks.Tally;

/// <summary>The roll and the consent state the tally benchmarks count: generated, then parsed as an import would.</summary>
public static class TallyInputs
{
    private const int Seed = 20261205;

    public static IReadOnlyList<RollRow> Rows(int holders)
    {
        var generated = RollGenerator.Generate(holders, Seed);
        var parsed = RollParser.Parse(generated.Csv);
        if (!parsed.Accepted)
            throw new InvalidOperationException($"The generated roll was refused: {string.Join("; ", parsed.Errors.Take(5).Select(e => $"line {e.Line} {e.Column}: {e.Reason}"))}");
        return parsed.Roll.Rows;
    }

    /// <summary>
    /// A campaign some months in: 55% of holders consented (one in five on paper), 5% consented
    /// and withdrew since, the rest have not acted.
    /// </summary>
    public static ConsentState CampaignUnderway(CountedRoll roll, out DateTimeOffset clock)
    {
        var random = new Random(Seed);
        clock = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(9));
        var history = new List<ConsentAction>();
        foreach (var holder in roll.Holders)
        {
            var roll100 = random.Next(100);
            if (roll100 >= 60) continue;
            clock = clock.AddSeconds(random.Next(1, 120));
            history.Add(ConsentAction.Consent(holder.Key, random.Next(5) == 0 ? ConsentSource.Paper : ConsentSource.Electronic, clock));
            if (roll100 >= 55) history.Add(ConsentAction.Withdrawal(holder.Key, ConsentSource.Electronic, clock.AddDays(1)));
        }
        clock = clock.AddDays(2);
        return ConsentState.From(history);
    }

    /// <summary>Holders whose action moves a total (members of some owner), in a seeded shuffle.</summary>
    public static HolderKey[] Actors(CountedRoll roll)
    {
        var actors = roll.Holders.Where(h => roll.OwnersOf(h.Key).Count > 0).Select(h => h.Key).ToArray();
        new Random(Seed).Shuffle(actors);
        return actors;
    }
}
