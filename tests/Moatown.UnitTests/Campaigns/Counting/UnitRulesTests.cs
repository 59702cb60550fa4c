using Moatown.Campaigns.Counting;
using static Moatown.UnitTests.Campaigns.Counting.People;

namespace Moatown.UnitTests.Campaigns.Counting;

/// <summary>Rules 1–2: units and their holders.</summary>
public class UnitRulesTests
{
    [Fact]
    public void Rule1_each_land_parcel_and_each_building_is_a_unit_and_a_superficies_joins_the_land_of_its_lot()
    {
        // The superficies comes first in the file: it still finds its land.
        var roll = new RollBuilder()
            .Superficies("S-1", "lot 1", Cho.Holds())
            .Land("L-1", "lot 1", 100, Ahn.Holds())
            .Building("B-1", "lot 1", Baek.Holds())
            .Building("B-2", "lot 1", Baek.Holds())
            .Build();

        Assert.Equal(["L-1 with S-1", "B-1", "B-2"], roll.Units.Select(u => u.Label));
        var land = roll.FindUnit("L-1")!;
        Assert.Equal(["S-1"], land.Superficies.Select(s => s.PropertyId));
        Assert.Equal(100m, land.LandAreaM2);
        Assert.Equal(0m, roll.FindUnit("B-1")!.LandAreaM2);
        // Land owner and superficies holder are one unit, so one owner, the group.
        Assert.Equal(OwnerKind.Group, roll.OwnerOf(land)!.Kind);
        Assert.Equal(2, roll.Owners.Count);
    }

    [Fact]
    public void Rule1_a_superficies_on_a_lot_without_land_cannot_be_placed()
    {
        var rows = new RollBuilder().Superficies("S-1", "lot 9", Cho.Holds()).Rows;

        var error = Assert.Throws<ArgumentException>(() => CountedRoll.Build(rows));
        Assert.Contains("S-1", error.Message);
    }

    [Fact]
    public void Rule2_the_holders_of_a_unit_are_the_persons_on_its_rows_each_once()
    {
        var roll = new RollBuilder()
            .Land("L-1", "lot 1", 100, Ahn.Holds("1/2"), Baek.Unlocatable().Holds("1/2"))
            .Superficies("S-1", "lot 1", Ahn.Holds())
            .Build();

        var unit = Assert.Single(roll.Units);
        Assert.Equal(["Ahn", "Baek"], unit.Holders.Select(h => h.Name));
        Assert.Equal(["Ahn"], unit.CountedHolders.Select(h => h.Name));
        // One person on both the land and its superficies is the unit's only counted holder.
        Assert.Equal(OwnerKind.SoleHolder, Assert.Single(roll.Owners).Kind);
    }
}
