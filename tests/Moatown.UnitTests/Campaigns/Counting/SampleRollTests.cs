using System.Text.Json;
using Moatown.Campaigns.Counting;
using static Moatown.UnitTests.Campaigns.Counting.SampleRoll;

namespace Moatown.UnitTests.Campaigns.Counting;

/// <summary>shared/samples/registry-sample.expected.json, step by step.</summary>
public class SampleRollTests
{
    [Fact]
    public void Counts_the_nine_owners_of_the_expected_json_with_their_units()
    {
        var roll = Build();

        var owners = roll.Owners.Select(o => (o.Name, Units: string.Join(", ", o.Units.Select(u => u.Label)))).ToList();
        Assert.Equal(
        [
            ("김민준", "L-1, L-2, B-1"),
            ("group 이서연(rep) + 박지훈", "L-3, B-2"),
            ("group 최유진 + 정하은 + 강도윤", "L-4"),
            ("이서연", "L-5"),
            ("국토교통부", "L-6"),
            ("중랑구", "L-7, L-8"),
            ("임수아", "B-3"),
            ("group 장지호 + 주식회사 한빛", "L-10 with S-1"),
            ("한예준", "L-11"),
        ], owners);
        var notCounted = Assert.Single(roll.NotCounted);
        Assert.Equal("L-9", notCounted.Unit.Id);
        Assert.Equal(8, notCounted.Reason.Rule);
        Assert.Contains("180 m² stay in the area denominator", notCounted.Reason.Text);
    }

    [Theory]
    [InlineData("김민준", new[] { 4 })]
    [InlineData("group 이서연(rep) + 박지훈", new[] { 3, 5 })]
    [InlineData("group 최유진 + 정하은 + 강도윤", new[] { 3, 10 })]
    [InlineData("이서연", new[] { 6 })]
    [InlineData("국토교통부", new[] { 7 })]
    [InlineData("중랑구", new[] { 7 })]
    [InlineData("group 장지호 + 주식회사 한빛", new[] { 1, 3 })]
    [InlineData("임수아", new[] { 1, 3 })]
    [InlineData("한예준", new[] { 8 })]
    public void Explains_each_owner_by_the_rule_of_the_expected_json(string owner, int[] rules)
    {
        var reasons = Assert.Single(Build().Owners, o => o.Name == owner).Reasons;

        Assert.Subset(reasons.Select(r => r.Rule).ToHashSet(), rules.ToHashSet());
    }

    [Fact]
    public void Words_the_explanations_as_the_expected_json_does()
    {
        var roll = Build();
        string Explanation(string name) => Assert.Single(roll.Owners, o => o.Name == name).Explanation;

        Assert.Contains("4: 김민준 is the sole holder of 3 units (L-1, L-2 and B-1) and counts once", Explanation("김민준"));
        Assert.Contains("5: the same holders hold 2 units (L-3 and B-2); the group counts once", Explanation("group 이서연(rep) + 박지훈"));
        Assert.Contains("6: 이서연 is also a member of group 이서연(rep) + 박지훈: a different owner", Explanation("이서연"));
        Assert.Contains("7: managing authority 중랑구 counts once for its 2 parcels (L-7 and L-8)", Explanation("중랑구"));
        Assert.Contains("1: land L-10 and superficies S-1 form one unit", Explanation("group 장지호 + 주식회사 한빛"));
        Assert.Contains("1: building B-3 stands on land of another owner (L-9)", Explanation("임수아"));
        Assert.Contains("8: co-holder 오민서 of L-11 is unlocatable and drops out of the group", Explanation("한예준"));
    }

    [Fact]
    public void After_import_nobody_consents()
    {
        var tally = new CountingScenario(Build()).Tally();

        Assert.Equal((0, 9), (tally.Owners.Consented, tally.Owners.Total));
        Assert.Equal((0m, 2750m), (tally.LandArea.ConsentedM2, tally.LandArea.TotalM2));
        Assert.False(tally.ThresholdMet);
    }

    [Fact]
    public void After_the_listed_consents_seven_of_nine_owners_and_1850_of_2750_m2_meet_the_thresholds()
    {
        var scenario = ListedConsents();

        var tally = scenario.Tally();

        Assert.Equal((7, 9), (tally.Owners.Consented, tally.Owners.Total));
        Assert.Equal((1850m, 2750m), (tally.LandArea.ConsentedM2, tally.LandArea.TotalM2));
        Assert.True(tally.Owners.Met);
        Assert.True(tally.LandArea.Met);
        Assert.True(tally.ThresholdMet);
        Assert.Equal(new ConsentsBySource(Electronic: 6, Paper: 1, Deemed: 0), tally.BySource);
        Assert.Equal(0, tally.Withdrawals);
        // The why of the expected json: L-4 by shares, L-10 held back by its superficies holder.
        Assert.Contains("2/3 of the shares of L-4 consent (more than 1/2)", scenario.Explain(최유진, 정하은, 강도윤).Why);
        var l10 = scenario.Explain(장지호, 한빛);
        Assert.False(l10.Consents);
        Assert.Contains("1 of the shares of L-10 consent (more than 1/2)", l10.Why);
        Assert.Contains("0 of the shares of S-1 consent (not more than 1/2)", l10.Why);
    }

    [Fact]
    public void After_이서연_withdraws_her_group_and_her_own_parcel_stop_consenting()
    {
        var scenario = ListedConsents().Withdraw(이서연);

        var tally = scenario.Tally();

        Assert.Equal((5, 9), (tally.Owners.Consented, tally.Owners.Total));
        Assert.Equal((1450m, 2750m), (tally.LandArea.ConsentedM2, tally.LandArea.TotalM2));
        Assert.False(tally.Owners.Met);
        Assert.True(tally.LandArea.Met);
        Assert.False(tally.ThresholdMet);
        Assert.Equal(1, tally.Withdrawals);
        Assert.False(scenario.Consents(이서연, 박지훈));
        Assert.False(scenario.Consents(이서연));
        Assert.StartsWith("representative 이서연 withdrew electronically", Assert.Single(scenario.Explain(이서연, 박지훈).Why));
    }

    [Fact]
    public void Serializes_to_the_tally_contract()
    {
        var tally = ListedConsents().Count.Tally(Guid.Parse("0197a3c4-0000-7000-8000-000000000001"), CountingScenario.Start);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(tally, JsonSerializerOptions.Web));
        var root = json.RootElement;

        Assert.Equal("0197a3c4-0000-7000-8000-000000000001", root.GetProperty("campaignId").GetString());
        Assert.Equal("sha256:sample", root.GetProperty("rollVersion").GetString());
        Assert.Equal("decree-33-2024", root.GetProperty("ruleSet").GetString());
        Assert.Equal(7, root.GetProperty("owners").GetProperty("consented").GetInt32());
        Assert.Equal(9, root.GetProperty("owners").GetProperty("total").GetInt32());
        Assert.Equal(0.777777m, root.GetProperty("owners").GetProperty("rate").GetDecimal());
        Assert.Equal(0.6m, root.GetProperty("owners").GetProperty("threshold").GetDecimal());
        Assert.True(root.GetProperty("owners").GetProperty("met").GetBoolean());
        Assert.Equal("1850", root.GetProperty("landArea").GetProperty("consentedM2").GetRawText());
        Assert.Equal(2750m, root.GetProperty("landArea").GetProperty("totalM2").GetDecimal());
        Assert.Equal(0.672727m, root.GetProperty("landArea").GetProperty("rate").GetDecimal());
        Assert.Equal(0.5m, root.GetProperty("landArea").GetProperty("threshold").GetDecimal());
        Assert.False(root.GetProperty("landArea").GetProperty("publicLandExcluded").GetBoolean());
        Assert.True(root.GetProperty("thresholdMet").GetBoolean());
        Assert.Equal(6, root.GetProperty("bySource").GetProperty("electronic").GetInt32());
        Assert.Equal(1, root.GetProperty("bySource").GetProperty("paper").GetInt32());
        Assert.Equal(0, root.GetProperty("withdrawals").GetInt32());
        Assert.Equal(CountingScenario.Start, root.GetProperty("asOf").GetDateTimeOffset());
        Assert.False(root.GetProperty("owners").TryGetProperty("exactRate", out _));
        Assert.Equal(
            ["campaignId", "rollVersion", "ruleSet", "owners", "landArea", "thresholdMet", "bySource", "withdrawals", "asOf"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["consented", "total", "rate", "threshold", "met"], root.GetProperty("owners").EnumerateObject().Select(p => p.Name));
    }

    internal static CountingScenario ListedConsents() => new CountingScenario(Build())
        .Consent(김민준)
        .Consent(이서연)
        .Consent(최유진)
        .Consent(정하은)
        .Consent(장지호)
        .Consent(한예준)
        .Consent(임수아)
        .Consent(중랑구, ConsentSource.Paper);
}
