using Moatown.Campaigns.Counting;
using static Moatown.UnitTests.Campaigns.Counting.SampleRoll;

namespace Moatown.UnitTests.Campaigns.Counting;

/// <summary>For any owner: units, members, the rule that counted them, whether and why they consent.</summary>
public class ExplainTests
{
    [Fact]
    public void Explains_a_represented_group_by_its_representative()
    {
        var scenario = SampleRollTests.ListedConsents();

        var explanation = scenario.Explain(이서연, 박지훈);

        Assert.Equal("group 이서연(rep) + 박지훈", explanation.Name);
        Assert.Equal(OwnerKind.Group, explanation.Kind);
        Assert.Equal(["L-3", "B-2"], explanation.Units);
        Assert.Equal("이서연", explanation.Representative);
        Assert.Equal(250m, explanation.LandAreaM2);
        Assert.Equal([("이서연", true), ("박지훈", false)], explanation.Members.Select(m => (m.Name, m.Consents)));
        Assert.Contains(explanation.CountedBecause, r => r.Rule == 5);
        Assert.True(explanation.Consents);
        Assert.Equal(["representative 이서연 consented electronically (2026-07-01 09:02 UTC)"], explanation.Why);
    }

    [Fact]
    public void Explains_a_group_without_representative_property_by_property()
    {
        var explanation = SampleRollTests.ListedConsents().Explain(최유진, 정하은, 강도윤);

        Assert.Null(explanation.Representative);
        Assert.True(explanation.Consents);
        Assert.Equal(["2/3 of the shares of L-4 consent (more than 1/2)", "so the group consents: every property agrees"], explanation.Why);
    }

    [Fact]
    public void Finds_an_owner_by_its_key_and_says_nothing_of_an_unknown_key()
    {
        var scenario = SampleRollTests.ListedConsents();
        var owner = scenario.Owner(중랑구);

        Assert.Equal("authority:중랑구", owner.Key.Value);
        Assert.Equal("중랑구", scenario.Count.Explain(owner.Key)?.Name);
        Assert.StartsWith("중랑구 consented on paper", Assert.Single(scenario.Count.Explain(owner.Key)!.Why));
        Assert.Null(scenario.Count.Explain(new OwnerKey("authority:서울특별시")));
    }

    [Fact]
    public void Owner_keys_are_the_holder_key_or_the_set_of_member_keys_whatever_the_row_order()
    {
        var ahn = Who.Person("Ahn", "1961-01-01");
        var baek = Who.Person("Baek", "1962-02-02");
        var cho = Who.Person("Cho", "1963-03-03");
        var one = new RollBuilder().Land("L-1", "lot 1", 1, ahn.Holds("1/2"), baek.Holds("1/2")).Land("L-2", "lot 2", 1, cho.Holds()).Build();
        var other = new RollBuilder().Land("L-7", "lot 7", 1, cho.Holds()).Land("L-9", "lot 9", 1, baek.Holds("1/2"), ahn.Holds("1/2")).Build();

        Assert.Equal(
            one.Owners.Select(o => o.Key.Value).Order(StringComparer.Ordinal),
            other.Owners.Select(o => o.Key.Value).Order(StringComparer.Ordinal));
        Assert.Equal(cho.Key.Value, CountingScenario.OwnerOf(one, cho).Key.Value);
        Assert.StartsWith("group:", CountingScenario.OwnerOf(one, ahn, baek).Key.Value);
    }

    [Fact]
    public void Names_that_contain_the_separator_cannot_make_two_groups_share_a_key()
    {
        // Joined naively, both sets read "person:P|1961-01-01+person:Q|1962-02-02+person:R|1963-03-03".
        var first = new RollBuilder().Land("L-1", "lot 1", 1,
            Who.Person("P", "1961-01-01").Holds("1/2"), Who.Person("Q|1962-02-02+person:R", "1963-03-03").Holds("1/2")).Build();
        var second = new RollBuilder().Land("L-1", "lot 1", 1,
            Who.Person("P|1961-01-01+person:Q", "1962-02-02").Holds("1/2"), Who.Person("R", "1963-03-03").Holds("1/2")).Build();

        Assert.NotEqual(first.Owners[0].Key, second.Owners[0].Key);
    }
}
