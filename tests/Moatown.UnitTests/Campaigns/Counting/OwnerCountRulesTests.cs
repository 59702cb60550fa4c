using Moatown.Campaigns.Counting;
using static Moatown.UnitTests.Campaigns.Counting.People;

namespace Moatown.UnitTests.Campaigns.Counting;

/// <summary>Rules 3–8: who is an owner, and how many.</summary>
public class OwnerCountRulesTests
{
    [Fact]
    public void Rule3_a_unit_with_one_holder_counts_for_them_and_one_with_several_counts_once_as_the_group()
    {
        var roll = new RollBuilder()
            .Land("L-1", "lot 1", 100, Ahn.Holds())
            .Land("L-2", "lot 2", 100, Baek.Holds("1/2", representative: true), Cho.Holds("1/4"), Do.Holds("1/4"))
            .Build();

        Assert.Equal(2, roll.Owners.Count);
        Assert.Equal(OwnerKind.SoleHolder, CountingScenario.OwnerOf(roll, Ahn).Kind);
        var group = CountingScenario.OwnerOf(roll, Baek, Cho, Do);
        Assert.Equal(OwnerKind.Group, group.Kind);
        Assert.Equal("Baek", group.Representative?.Name);
        Assert.Equal("group Baek(rep) + Cho + Do", group.Name);
        Assert.Contains(group.Reasons, r => r.Rule == 3);
    }

    [Fact]
    public void Rule4_a_sole_holder_of_several_units_counts_once_and_brings_all_their_land()
    {
        var scenario = new CountingScenario(new RollBuilder()
            .Land("L-1", "lot 1", 100, Ahn.Holds())
            .Land("L-2", "lot 2", 50.5m, Ahn.Holds())
            .Building("B-1", "lot 1", Ahn.Holds())
            .Land("L-3", "lot 3", 100, Baek.Holds())
            .Build());

        Assert.Equal(2, scenario.Roll.Owners.Count);
        Assert.Equal(3, scenario.Owner(Ahn).Units.Count);
        Assert.Contains(scenario.Owner(Ahn).Reasons, r => r.Rule == 4);

        var tally = scenario.Consent(Ahn).Tally();
        Assert.Equal((1, 2), (tally.Owners.Consented, tally.Owners.Total));
        Assert.Equal((150.5m, 250.5m), (tally.LandArea.ConsentedM2, tally.LandArea.TotalM2));
    }

    [Fact]
    public void Rule5_groups_with_exactly_the_same_holders_count_once_and_other_sets_are_other_groups()
    {
        var roll = new RollBuilder()
            .Land("L-1", "lot 1", 100, Ahn.Holds("1/2"), Baek.Holds("1/2"))
            .Land("L-2", "lot 2", 100, Baek.Holds("2/3"), Ahn.Holds("1/3")) // same set, other order and shares
            .Building("B-1", "lot 1", Ahn.Holds("1/2"), Baek.Holds("1/2"))
            .Land("L-3", "lot 3", 100, Ahn.Holds("1/3"), Baek.Holds("1/3"), Cho.Holds("1/3"))
            .Build();

        Assert.Equal(2, roll.Owners.Count);
        var ab = CountingScenario.OwnerOf(roll, Ahn, Baek);
        Assert.Equal(["L-1", "L-2", "B-1"], ab.Units.Select(u => u.Id));
        Assert.Contains(ab.Reasons, r => r.Rule == 5);
        Assert.Equal(["L-3"], CountingScenario.OwnerOf(roll, Ahn, Baek, Cho).Units.Select(u => u.Id));
    }

    [Fact]
    public void Rule6_a_sole_holder_who_is_also_in_a_group_is_a_different_owner_from_the_group()
    {
        var scenario = new CountingScenario(new RollBuilder()
            .Land("L-1", "lot 1", 100, Ahn.Holds())
            .Land("L-2", "lot 2", 100, Ahn.Holds("1/2"), Baek.Holds("1/2"))
            .Build());

        Assert.Equal(2, scenario.Roll.Owners.Count);
        Assert.Contains(scenario.Owner(Ahn).Reasons, r => r.Rule == 6);
        Assert.Equal(2, scenario.Roll.OwnersOf(Ahn.Key).Count);

        // Ahn's consent makes Ahn consent; the group (no representative) needs more than 1/2 of L-2.
        var tally = scenario.Consent(Ahn).Tally();
        Assert.Equal(1, tally.Owners.Consented);
        Assert.False(scenario.Consents(Ahn, Baek));
    }

    [Fact]
    public void Rule7_a_managing_authority_counts_once_however_many_parcels_it_manages()
    {
        var korea = Who.Public("Republic of Korea", "Ministry of Land");
        var koreaElsewhere = Who.Public("Republic of Korea", "Ministry of Finance");
        var roll = new RollBuilder()
            .Land("L-1", "lot 1", 100, korea.Holds())
            .Land("L-2", "lot 2", 100, korea.Holds())
            .Land("L-3", "lot 3", 100, koreaElsewhere.Holds())
            .Land("L-4", "lot 4", 100, Jungnang.Holds())
            .Land("L-5", "lot 5", 100, Jungnang.Holds())
            .Build();

        Assert.Equal(["Ministry of Land", "Ministry of Finance", "Jungnang-gu"], roll.Owners.Select(o => o.Name));
        Assert.All(roll.Owners, o => Assert.Equal(OwnerKind.Authority, o.Kind));
        Assert.Equal(2, CountingScenario.OwnerOf(roll, korea).Units.Count);
        Assert.Contains(CountingScenario.OwnerOf(roll, Jungnang).Reasons, r => r.Rule == 7);
    }

    [Fact]
    public void Rule8_a_unit_whose_holders_are_all_unlocatable_adds_no_owner_but_keeps_its_land_in_the_denominator()
    {
        var roll = new RollBuilder()
            .Land("L-1", "lot 1", 100, Ahn.Unlocatable().Holds())
            .Land("L-2", "lot 2", 100, Baek.Unlocatable().Holds("1/2"), Cho.Unlocatable().Holds("1/2"))
            .Land("L-3", "lot 3", 100, Do.Holds())
            .Build();

        Assert.Equal(["Do"], roll.Owners.Select(o => o.Name));
        Assert.Equal(["L-1", "L-2"], roll.NotCounted.Select(n => n.Unit.Id));
        Assert.All(roll.NotCounted, n => Assert.Equal(8, n.Reason.Rule));
        var tally = new CountingScenario(roll).Consent(Do).Tally();
        Assert.Equal((1, 1), (tally.Owners.Consented, tally.Owners.Total));
        Assert.Equal((100m, 300m), (tally.LandArea.ConsentedM2, tally.LandArea.TotalM2));
    }

    [Fact]
    public void Rule8_an_unlocatable_co_holder_drops_out_of_the_group_and_a_group_left_with_one_holder_is_that_holder()
    {
        var roll = new RollBuilder()
            .Land("L-1", "lot 1", 100, Ahn.Holds("1/2"), Baek.Unlocatable().Holds("1/2"))
            .Land("L-2", "lot 2", 100, Ahn.Holds())
            .Land("L-3", "lot 3", 100, Cho.Holds("1/3"), Do.Holds("1/3"), Eom.Unlocatable().Holds("1/3"))
            .Land("L-4", "lot 4", 100, Cho.Holds("1/2"), Do.Holds("1/2"))
            .Build();

        // Ahn is the only counted holder of L-1 and of L-2: one owner (rule 4). Cho + Do hold L-3 and L-4 (rule 5).
        Assert.Equal(2, roll.Owners.Count);
        var ahn = CountingScenario.OwnerOf(roll, Ahn);
        Assert.Equal(["L-1", "L-2"], ahn.Units.Select(u => u.Id));
        Assert.Contains(ahn.Reasons, r => r.Rule == 8 && r.Text.Contains("Baek"));
        Assert.Equal(["L-3", "L-4"], CountingScenario.OwnerOf(roll, Cho, Do).Units.Select(u => u.Id));
        Assert.Empty(roll.OwnersOf(Baek.Key));
    }

    [Fact]
    public void Rule8_unlocatable_shares_neither_consent_nor_refuse_in_the_majority()
    {
        var scenario = new CountingScenario(new RollBuilder()
            .Land("L-1", "lot 1", 100, Ahn.Holds("1/4"), Baek.Holds("1/4"), Cho.Unlocatable().Holds("1/2"))
            .Build());

        // Of the counted 1/2, Ahn's 1/4 is exactly half: not more.
        scenario.Consent(Ahn);
        Assert.False(scenario.Consents(Ahn, Baek));
        Assert.Contains("1/2 of the counted shares (unlocatable holders' shares left out) of L-1 consent (not more than 1/2)", scenario.Explain(Ahn, Baek).Why);

        // An unlocatable person's own consent, should one be recorded, moves nothing.
        scenario.Consent(Cho);
        Assert.False(scenario.Consents(Ahn, Baek));
        Assert.Equal(0, scenario.Tally().Owners.Consented);

        scenario.Consent(Baek);
        Assert.True(scenario.Consents(Ahn, Baek));
    }

    [Fact]
    public void Rule8_a_holder_is_unlocatable_only_when_every_row_of_theirs_says_so()
    {
        var roll = new RollBuilder()
            .Land("L-1", "lot 1", 100, Ahn.Unlocatable().Holds())
            .Land("L-2", "lot 2", 100, Ahn.Holds())
            .Build();

        var owner = Assert.Single(roll.Owners);
        Assert.Equal(["L-1", "L-2"], owner.Units.Select(u => u.Id));
        Assert.Empty(roll.NotCounted);
    }

    [Fact]
    public void Rule8_an_unlocatable_representative_leaves_the_group_to_its_shares()
    {
        var scenario = new CountingScenario(new RollBuilder()
            .Land("L-1", "lot 1", 100, Ahn.Unlocatable().Holds("1/3", representative: true), Baek.Holds("1/3"), Cho.Holds("1/3"))
            .Build());

        var group = scenario.Owner(Baek, Cho);
        Assert.Null(group.Representative);
        scenario.Consent(Baek);
        Assert.False(scenario.Consents(Baek, Cho));
        scenario.Consent(Cho);
        Assert.True(scenario.Consents(Baek, Cho));
    }
}
