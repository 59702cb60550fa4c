using Moatown.Campaigns.Counting;
using static Moatown.UnitTests.Campaigns.Counting.People;

namespace Moatown.UnitTests.Campaigns.Counting;

/// <summary>Rules 9–12: when an owner consents.</summary>
public class ConsentRulesTests
{
    [Theory]
    [InlineData(ConsentSource.Electronic)]
    [InlineData(ConsentSource.Paper)]
    public void Rule9_a_single_person_consents_with_a_valid_consent_electronic_or_paper(ConsentSource source)
    {
        var scenario = new CountingScenario(new RollBuilder().Land("L-1", "lot 1", 100, Ahn.Holds()).Build());
        Assert.False(scenario.Consents(Ahn));
        Assert.Equal("Ahn has not consented", Assert.Single(scenario.Explain(Ahn).Why));

        scenario.Consent(Ahn, source);
        Assert.True(scenario.Consents(Ahn));
        Assert.Equal(source == ConsentSource.Paper ? 1 : 0, scenario.Tally().BySource.Paper);

        scenario.Withdraw(Ahn);
        Assert.False(scenario.Consents(Ahn));
    }

    [Fact]
    public void Rule10_a_group_consents_when_its_representative_consents_whatever_the_others_do()
    {
        var scenario = new CountingScenario(new RollBuilder()
            .Land("L-1", "lot 1", 100, Ahn.Holds("1/10", representative: true), Baek.Holds("9/10"))
            .Building("B-1", "lot 1", Ahn.Holds("1/2", representative: true), Baek.Holds("1/2"))
            .Build());
        Assert.Equal("Ahn", scenario.Owner(Ahn, Baek).Representative?.Name);

        // With a representative the shares do not decide: Baek's 9/10 alone is not the group's consent.
        scenario.Consent(Baek);
        Assert.False(scenario.Consents(Ahn, Baek));

        scenario.Consent(Ahn);
        Assert.True(scenario.Consents(Ahn, Baek));
        Assert.StartsWith("representative Ahn consented electronically", Assert.Single(scenario.Explain(Ahn, Baek).Why));
    }

    [Fact]
    public void Rule10_without_a_representative_more_than_half_of_the_shares_must_consent_exactly_half_is_not_enough()
    {
        var scenario = new CountingScenario(new RollBuilder()
            .Land("L-1", "lot 1", 100, Ahn.Holds("1/2"), Baek.Holds("1/4"), Cho.Holds("1/4"))
            .Build());

        scenario.Consent(Ahn);
        Assert.False(scenario.Consents(Ahn, Baek, Cho));
        Assert.Contains("1/2 of the shares of L-1 consent (not more than 1/2)", scenario.Explain(Ahn, Baek, Cho).Why);

        scenario.Consent(Cho);
        Assert.True(scenario.Consents(Ahn, Baek, Cho));
        Assert.Contains("3/4 of the shares of L-1 consent (more than 1/2)", scenario.Explain(Ahn, Baek, Cho).Why);
    }

    [Fact]
    public void Rule10_the_majority_is_taken_on_every_property_of_every_unit_the_group_holds()
    {
        // Land by Ahn, superficies by Hanbit: one unit, a group of two, each property needs its own majority.
        var scenario = new CountingScenario(new RollBuilder()
            .Land("L-1", "lot 1", 100, Ahn.Holds())
            .Superficies("S-1", "lot 1", Hanbit.Holds())
            .Land("L-2", "lot 2", 100, Ahn.Holds("1/2"), Hanbit.Holds("1/2"))
            .Build());
        var group = scenario.Owner(Ahn, Hanbit);
        Assert.Null(group.Representative);
        Assert.Equal(["L-1 with S-1", "L-2"], group.Units.Select(u => u.Label));

        scenario.Consent(Ahn);
        Assert.False(scenario.Consents(Ahn, Hanbit));
        var why = scenario.Explain(Ahn, Hanbit).Why;
        Assert.Contains("1 of the shares of L-1 consent (more than 1/2)", why);
        Assert.Contains("0 of the shares of S-1 consent (not more than 1/2)", why);

        scenario.Consent(Hanbit);
        Assert.True(scenario.Consents(Ahn, Hanbit));
        Assert.Equal(200m, scenario.Tally().LandArea.ConsentedM2);
    }

    [Fact]
    public void Rule10_a_group_has_a_representative_only_when_every_property_names_the_same_person()
    {
        var roll = new RollBuilder()
            // Ahn marked on the land only: the building names no one, so no representative.
            .Land("L-1", "lot 1", 100, Ahn.Holds("1/2", representative: true), Baek.Holds("1/2"))
            .Building("B-1", "lot 1", Ahn.Holds("1/2"), Baek.Holds("1/2"))
            // Different persons marked on two properties: no representative.
            .Land("L-2", "lot 2", 100, Cho.Holds("1/2", representative: true), Do.Holds("1/2"))
            .Building("B-2", "lot 2", Cho.Holds("1/2"), Do.Holds("1/2", representative: true))
            // The land's only holder speaks for it; the superficies marks the same person: a representative.
            .Land("L-3", "lot 3", 100, Eom.Holds())
            .Superficies("S-3", "lot 3", Eom.Holds("1/2", representative: true), Hanbit.Holds("1/2"))
            .Build();

        Assert.Null(CountingScenario.OwnerOf(roll, Ahn, Baek).Representative);
        Assert.Null(CountingScenario.OwnerOf(roll, Cho, Do).Representative);
        Assert.Equal("Eom", CountingScenario.OwnerOf(roll, Eom, Hanbit).Representative?.Name);
        Assert.Contains(CountingScenario.OwnerOf(roll, Ahn, Baek).Reasons, r => r.Rule == 10 && r.Text.StartsWith("no one represents"));
    }

    [Fact]
    public void Rule10_the_stricter_option_needs_every_holder_of_a_group_without_representative()
    {
        var rules = CountingRules.Default with { GroupWithoutRepresentative = GroupConsentRule.AllHolders };
        var roll = new RollBuilder()
            .Land("L-1", "lot 1", 100, Ahn.Holds("1/3"), Baek.Holds("1/3"), Cho.Holds("1/3"))
            .Land("L-2", "lot 2", 100, Do.Holds("1/2", representative: true), Eom.Holds("1/2"))
            .Build();
        var scenario = new CountingScenario(roll, rules);

        scenario.Consent(Ahn).Consent(Baek);
        Assert.False(scenario.Consents(Ahn, Baek, Cho)); // 2/3 would do under the default rule
        Assert.Contains("2 of 3 counted holders of L-1 consent; not Cho", scenario.Explain(Ahn, Baek, Cho).Why);
        scenario.Consent(Cho);
        Assert.True(scenario.Consents(Ahn, Baek, Cho));

        // The option replaces the majority only: a representative still decides for the group.
        scenario.Consent(Do);
        Assert.True(scenario.Consents(Do, Eom));
        Assert.Equal(2, scenario.Tally().Owners.Consented);

        var lenient = new CountingScenario(roll).Consent(Ahn).Consent(Baek);
        Assert.True(lenient.Consents(Ahn, Baek, Cho));
    }

    [Fact]
    public void Rule11_a_managing_authority_consents_when_its_paper_consent_is_recorded()
    {
        var scenario = new CountingScenario(new RollBuilder()
            .Land("L-1", "lot 1", 100, Molit.Holds())
            .Land("L-2", "lot 2", 100, Molit.Holds())
            .Land("L-3", "lot 3", 100, Ahn.Holds())
            .Build());

        scenario.Consent(Molit, ConsentSource.Paper);

        var tally = scenario.Tally();
        Assert.True(scenario.Consents(Molit));
        Assert.Equal((1, 2), (tally.Owners.Consented, tally.Owners.Total));
        Assert.Equal(200m, tally.LandArea.ConsentedM2);
        Assert.Equal(new ConsentsBySource(0, 1, 0), tally.BySource);
        Assert.StartsWith("Ministry of Land consented on paper", Assert.Single(scenario.Explain(Molit).Why));
    }

    [Fact]
    public void Rule12_one_consent_covers_every_unit_the_person_holds()
    {
        var scenario = new CountingScenario(new RollBuilder()
            .Land("L-1", "lot 1", 100, Ahn.Holds())
            .Building("B-1", "lot 1", Ahn.Holds())
            .Land("L-2", "lot 2", 200, Ahn.Holds("1/2", representative: true), Baek.Holds("1/2"))
            .Land("L-3", "lot 3", 300, Ahn.Holds("2/3"), Cho.Holds("1/3"))
            .Build());

        var tally = scenario.Consent(Ahn).Tally();

        Assert.Equal((3, 3), (tally.Owners.Consented, tally.Owners.Total));
        Assert.Equal(600m, tally.LandArea.ConsentedM2);
        Assert.Equal(3, scenario.Roll.OwnersOf(Ahn.Key).Count);
    }
}
