using Moatown.Campaigns.Counting;
using static Moatown.UnitTests.Campaigns.Counting.People;

namespace Moatown.UnitTests.Campaigns.Counting;

/// <summary>Rules 13–14: land area.</summary>
public class AreaRulesTests
{
    private static CountedRoll Roll() => new RollBuilder()
        .Land("L-1", "lot 1", 100.25m, Ahn.Holds())
        .Land("L-2", "lot 2", 200.5m, Molit.Holds())
        .Land("L-3", "lot 3", 50, Jungnang.Holds("1/2"), Baek.Holds("1/2", representative: true)) // shared with a person: not public land
        .Land("L-4", "lot 4", 49.25m, Cho.Unlocatable().Holds())
        .Build();

    [Fact]
    public void Rule13_the_denominator_is_all_land_public_and_uncounted_parcels_included()
    {
        var tally = new CountingScenario(Roll()).Tally();

        Assert.Equal(400m, tally.LandArea.TotalM2);
        Assert.False(tally.LandArea.PublicLandExcluded);
    }

    [Fact]
    public void Rule13_a_campaign_may_exclude_public_land_from_the_area_and_the_tally_says_so()
    {
        var rules = CountingRules.Default with { ExcludePublicLandFromArea = true };
        var scenario = new CountingScenario(Roll(), rules);

        var tally = scenario.Consent(Molit, ConsentSource.Paper).Consent(Ahn).Tally();

        Assert.True(tally.LandArea.PublicLandExcluded);
        Assert.Equal(199.5m, tally.LandArea.TotalM2);
        Assert.Equal(100.25m, tally.LandArea.ConsentedM2);
        // The authority still counts as an owner: the option is about area only.
        Assert.Equal((2, 3), (tally.Owners.Consented, tally.Owners.Total));
    }

    [Fact]
    public void Rule14_a_consenting_unit_brings_its_parcels_whole_area_and_buildings_and_superficies_bring_none()
    {
        var scenario = new CountingScenario(new RollBuilder()
            .Land("L-1", "lot 1", 300, Ahn.Holds("2/3"), Baek.Holds("1/3"))
            .Building("B-1", "lot 1", Cho.Holds())
            .Land("L-2", "lot 2", 100, Do.Holds())
            .Superficies("S-2", "lot 2", Do.Holds())
            .Build());

        // 2/3 of the shares consent: the whole 300 m² count, not 2/3 of them.
        Assert.Equal(300m, scenario.Consent(Ahn).Tally().LandArea.ConsentedM2);
        Assert.Equal(300m, scenario.Consent(Cho).Tally().LandArea.ConsentedM2);
        Assert.Equal(400m, scenario.Consent(Do).Tally().LandArea.ConsentedM2);
        Assert.Equal(400m, scenario.Tally().LandArea.TotalM2);
    }
}
