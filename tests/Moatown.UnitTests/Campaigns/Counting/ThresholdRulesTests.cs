using Moatown.Campaigns.Counting;
using Moatown.Campaigns.Registry;
using static Moatown.UnitTests.Campaigns.Counting.People;

namespace Moatown.UnitTests.Campaigns.Counting;

/// <summary>Rule 18: thresholds, exact.</summary>
public class ThresholdRulesTests
{
    // Five owners; Ahn + Baek + Cho hold exactly half of the 601 m².
    private static CountedRoll Roll() => new RollBuilder()
        .Land("L-1", "lot 1", 100.25m, Ahn.Holds())
        .Land("L-2", "lot 2", 100.1m, Baek.Holds())
        .Land("L-3", "lot 3", 100.15m, Cho.Holds())
        .Land("L-4", "lot 4", 200.75m, Do.Holds())
        .Land("L-5", "lot 5", 99.75m, Eom.Holds())
        .Build();

    [Fact]
    public void Rule18_rates_exactly_at_the_thresholds_meet_them()
    {
        var tally = new CountingScenario(Roll()).Consent(Ahn).Consent(Baek).Consent(Cho).Tally();

        Assert.Equal(new Fraction(3, 5), tally.Owners.ExactRate);
        Assert.Equal((300.5m, 601m), (tally.LandArea.ConsentedM2, tally.LandArea.TotalM2));
        Assert.Equal(new Fraction(1, 2), tally.LandArea.ExactRate);
        Assert.True(tally.Owners.Met);
        Assert.True(tally.LandArea.Met);
        Assert.True(tally.ThresholdMet);
        Assert.Equal(0.6m, tally.Owners.Rate);
        Assert.Equal(0.5m, tally.LandArea.Rate);
    }

    [Fact]
    public void Rule18_both_thresholds_are_needed()
    {
        // Three of five owners holding 300 of 601 m²; then two owners holding 301 of 601 m².
        var ownersOnly = new CountingScenario(Roll()).Consent(Baek).Consent(Cho).Consent(Eom).Tally();
        Assert.True(ownersOnly.Owners.Met);
        Assert.False(ownersOnly.LandArea.Met);
        Assert.False(ownersOnly.ThresholdMet);

        var areaOnly = new CountingScenario(Roll()).Consent(Do).Consent(Ahn).Tally();
        Assert.False(areaOnly.Owners.Met);
        Assert.True(areaOnly.LandArea.Met);
        Assert.False(areaOnly.ThresholdMet);
    }

    [Fact]
    public void Rule18_a_rate_just_below_the_threshold_does_not_meet_it_and_its_display_does_not_round_up()
    {
        var roll = new RollBuilder()
            .Land("L-1", "lot 1", 29999, Ahn.Holds())
            .Land("L-2", "lot 2", 30001, Baek.Holds())
            .Build();

        var tally = new CountingScenario(roll).Consent(Ahn).Tally();

        Assert.False(tally.LandArea.Met);
        Assert.Equal(0.499983m, tally.LandArea.Rate);
    }

    [Fact]
    public void Rule18_a_campaign_may_set_other_thresholds()
    {
        var rules = CountingRules.Default with { RuleSet = "custom", OwnerThreshold = new Fraction(2, 3), LandAreaThreshold = new Fraction(2, 3) };

        var tally = new CountingScenario(Roll(), rules).Consent(Ahn).Consent(Baek).Consent(Cho).Tally();

        Assert.Equal("custom", tally.RuleSet);
        Assert.False(tally.Owners.Met);
        Assert.Equal(0.666666m, tally.Owners.Threshold);
    }

    [Fact]
    public void Nothing_is_met_on_an_empty_count()
    {
        var tally = new CountingScenario(new RollBuilder().Land("L-1", "lot 1", 10, Ahn.Unlocatable().Holds()).Build()).Tally();

        Assert.Equal((0, 0), (tally.Owners.Consented, tally.Owners.Total));
        Assert.False(tally.Owners.Met);
        Assert.False(tally.ThresholdMet);
    }
}
