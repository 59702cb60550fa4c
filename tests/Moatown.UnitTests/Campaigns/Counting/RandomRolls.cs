using Moatown.Campaigns.Counting;
using Moatown.Campaigns.Registry;

namespace Moatown.UnitTests.Campaigns.Counting;

/// <summary>How big and how tangled a generated roll is.</summary>
internal sealed record RollShape(int People, int Lands, int Buildings, int Superficies, int Authorities, int MaxCoHolders)
{
    public double UnlocatableRate { get; init; } = 0.1;
    public double PublicRate { get; init; } = 0.1;
    public double RepresentativeRate { get; init; } = 0.5;

    /// <summary>Few people on many properties, so that groups repeat, overlap and share members.</summary>
    public static RollShape Small(Random random) => new(
        People: random.Next(2, 9), Lands: random.Next(1, 9), Buildings: random.Next(0, 5),
        Superficies: random.Next(0, 4), Authorities: random.Next(0, 3), MaxCoHolders: 4)
    {
        UnlocatableRate = random.NextDouble() * 0.3,
        PublicRate = random.NextDouble() * 0.3,
        RepresentativeRate = random.NextDouble(),
    };
}

/// <summary>Valid rolls (shares sum to 1, at most one representative, superficies on a land lot) from a seed.</summary>
internal static class RandomRolls
{
    public static IReadOnlyList<RollRow> Generate(Random random, RollShape shape)
    {
        var people = Enumerable.Range(0, shape.People).Select(i => Person(random, i, shape)).ToArray();
        var authorities = Enumerable.Range(0, shape.Authorities).Select(i => Who.Public("Republic of Korea", $"Authority {i}")).ToArray();
        var roll = new RollBuilder();
        var lots = new List<string>();

        for (var i = 0; i < shape.Lands; i++)
        {
            var lot = $"lot {i}";
            lots.Add(lot);
            var area = random.Next(1_000, 100_000) / 100m; // two decimals, 10.00 to 999.99 m²
            Who[] holders;
            if (authorities.Length > 0 && random.NextDouble() < shape.PublicRate)
                // Public land, now and then shared with a private co-owner.
                holders = random.Next(5) == 0
                    ? [authorities[random.Next(authorities.Length)], .. Pick(random, people, 1)]
                    : [authorities[random.Next(authorities.Length)]];
            else
                holders = Pick(random, people, random.Next(1, shape.MaxCoHolders + 1));
            roll.Land($"L-{i}", lot, area, Stakes(random, holders, shape));
        }
        for (var i = 0; i < shape.Buildings; i++)
            roll.Building($"B-{i}", lots.Count > 0 && random.Next(2) == 0 ? lots[random.Next(lots.Count)] : $"bare lot {i}",
                Stakes(random, Pick(random, people, random.Next(1, shape.MaxCoHolders + 1)), shape));
        for (var i = 0; i < shape.Superficies && lots.Count > 0; i++)
            roll.Superficies($"S-{i}", lots[random.Next(lots.Count)], Stakes(random, Pick(random, people, random.Next(1, 3)), shape));
        return roll.Rows;
    }

    /// <summary>Everyone who could act: the roll's holders and someone who is not on it.</summary>
    public static HolderKey[] Actors(IReadOnlyList<RollRow> rows) =>
        [.. rows.Select(r => r.Holder).Distinct(), Who.Person("Outsider", "2000-01-01").Key];

    public static ConsentAction NextAction(Random random, HolderKey[] actors, ref DateTimeOffset clock)
    {
        // Mostly forward in time; sometimes the same moment, sometimes an older action entered late.
        clock = clock.AddMinutes(random.Next(0, 10));
        var at = random.Next(10) == 0 ? clock.AddMinutes(-random.Next(1, 30)) : clock;
        var holder = actors[random.Next(actors.Length)];
        var source = random.Next(3) == 0 ? ConsentSource.Paper : ConsentSource.Electronic;
        return random.Next(4) == 0
            ? ConsentAction.Withdrawal(holder, source, at)
            : ConsentAction.Consent(holder, random.Next(10) == 0 ? ConsentSource.DeemedByTransfer : source, at);
    }

    private static Who Person(Random random, int i, RollShape shape)
    {
        var who = random.Next(8) == 0 ? Who.Corporation($"Corp {i}") : Who.Person($"Person {i}", $"19{random.Next(40, 99)}-01-01");
        return random.NextDouble() < shape.UnlocatableRate ? who.Unlocatable() : who;
    }

    private static Who[] Pick(Random random, Who[] pool, int count)
    {
        if (pool.Length == 0) return [];
        var picked = new HashSet<int>();
        while (picked.Count < Math.Min(count, pool.Length)) picked.Add(random.Next(pool.Length));
        return picked.Select(i => pool[i]).ToArray();
    }

    private static Stake[] Stakes(Random random, Who[] holders, RollShape shape)
    {
        if (holders.Length == 0) return [];
        var weights = holders.Select(_ => random.Next(1, 5)).ToArray();
        var total = weights.Sum();
        var representative = holders.Length > 1 && random.NextDouble() < shape.RepresentativeRate ? random.Next(holders.Length) : -1;
        return holders.Select((h, i) => new Stake(
            // Now and then the same person is recorded unlocatable on one row only: still locatable.
            random.Next(20) == 0 ? h.Unlocatable() : h,
            new Fraction(weights[i], total),
            i == representative)).ToArray();
    }
}
