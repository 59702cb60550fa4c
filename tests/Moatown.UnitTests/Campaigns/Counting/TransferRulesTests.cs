using Moatown.Campaigns.Counting;
using static Moatown.UnitTests.Campaigns.Counting.People;

namespace Moatown.UnitTests.Campaigns.Counting;

/// <summary>Rule 16: a new roll version, transferees and holders who left.</summary>
public class TransferRulesTests
{
    private static readonly DateTimeOffset Import = CountingScenario.Start.AddDays(30);

    private static CountingScenario Before() => new CountingScenario(new RollBuilder()
            .Land("L-1", "lot 1", 100, Ahn.Holds())
            .Land("L-2", "lot 2", 100, Baek.Holds())
            .Land("L-3", "lot 3", 100, Cho.Holds("1/2"), Do.Holds("1/2"))
            .Land("L-4", "lot 4", 100, Cho.Holds("1/2"), Baek.Holds("1/2"))
            .Build("sha256:v1"))
        .Consent(Ahn)
        .Consent(Cho)
        .Consent(Do);

    // Ahn sold L-1 to Eom; Baek sold L-2 to Hanbit; Do sold her half of L-3 to Eom; L-4 went to Hanbit whole.
    private static CountedRoll After() => new RollBuilder()
        .Land("L-1", "lot 1", 100, Eom.Holds())
        .Land("L-2", "lot 2", 100, Hanbit.Holds())
        .Land("L-3", "lot 3", 100, Cho.Holds("1/2"), Eom.Holds("1/2"))
        .Land("L-4", "lot 4", 100, Hanbit.Holds())
        .Build("sha256:v2");

    [Fact]
    public void Rule16_a_new_holder_replacing_consenting_holders_is_deemed_to_consent_and_counts_like_a_signed_consent()
    {
        var before = Before();
        var result = Transfers.Between(before.Roll, After(), before.Count.CopyState(), Import);

        var eom = Assert.Single(result.Deemed);
        Assert.Equal("Eom", eom.Holder.Name);
        Assert.Equal(["L-1", "L-3"], eom.PropertyIds);
        Assert.Equal(["Ahn", "Do"], eom.Replaced.Select(h => h.Name));
        Assert.Equal(ConsentAction.Consent(Eom.Key, ConsentSource.DeemedByTransfer, Import), eom.Action);

        var after = new CountingScenario(After());
        foreach (var action in before.History.Concat(result.Actions)) after.Apply(action);
        var tally = after.Tally();
        // Eom's one deemed consent covers L-1 and, with Cho, the L-3 group (rule 12); Hanbit (L-2, L-4) was never deemed.
        Assert.Equal("sha256:v2", tally.RollVersion);
        Assert.Equal((2, 3), (tally.Owners.Consented, tally.Owners.Total));
        Assert.Equal(200m, tally.LandArea.ConsentedM2);
        // The L-3 group needed Eom's deemed consent beside Cho's electronic one: it reports as deemed.
        Assert.Equal(new ConsentsBySource(Electronic: 0, Paper: 0, Deemed: 2), tally.BySource);
        Assert.StartsWith("Eom consented by transfer (deemed)", Assert.Single(after.Explain(Eom).Why));
    }

    [Fact]
    public void Rule16_no_one_is_deemed_when_one_replaced_holder_was_not_consenting()
    {
        var before = Before();

        var result = Transfers.Between(before.Roll, After(), before.Count.CopyState(), Import);

        // L-2: Baek never consented. L-4: Cho consented but Baek did not, so Hanbit is not deemed there either.
        Assert.DoesNotContain(result.Deemed, d => d.Holder.Name == "Hanbit Corp.");
    }

    [Fact]
    public void Rule16_a_deemed_consent_can_be_withdrawn()
    {
        var before = Before();
        var result = Transfers.Between(before.Roll, After(), before.Count.CopyState(), Import);
        var after = new CountingScenario(After());
        foreach (var action in before.History.Concat(result.Actions)) after.Apply(action);

        after.Withdraw(Eom);

        var tally = after.Tally();
        Assert.Equal(0, tally.Owners.Consented);
        Assert.Equal(1, tally.Withdrawals);
    }

    [Fact]
    public void Rule16_a_holder_who_leaves_the_roll_stops_counting_and_their_history_stays()
    {
        var before = Before();
        var result = Transfers.Between(before.Roll, After(), before.Count.CopyState(), Import);

        Assert.Equal(["Ahn", "Baek", "Do"], result.LeftRoll.Select(h => h.Name));
        var after = new ConsentCount(After(), ConsentState.From(before.History));
        Assert.True(after.StandingOf(Ahn.Key)?.Consents);
        Assert.Empty(after.Roll.OwnersOf(Ahn.Key));
        // Cho is the only one left who consents: the L-3 group needs more than Cho's 1/2 without Eom.
        Assert.Equal(0, after.Tally(Guid.Empty, Import).Owners.Consented);
    }

    [Fact]
    public void Rule16_a_new_holder_who_already_consents_keeps_their_own_consent()
    {
        var before = new CountingScenario(new RollBuilder()
                .Land("L-1", "lot 1", 100, Ahn.Holds())
                .Land("L-2", "lot 2", 100, Baek.Holds())
                .Build())
            .Consent(Ahn)
            .Consent(Baek, ConsentSource.Paper);
        var after = new RollBuilder()
            .Land("L-1", "lot 1", 100, Baek.Holds())
            .Land("L-2", "lot 2", 100, Baek.Holds())
            .Build();

        var result = Transfers.Between(before.Roll, after, before.Count.CopyState(), Import);

        Assert.Empty(result.Deemed);
        Assert.Equal(["Ahn"], result.LeftRoll.Select(h => h.Name));
    }

    [Fact]
    public void Rule16_a_holder_whose_share_changed_is_not_replaced_and_new_properties_have_no_transferees()
    {
        var before = new CountingScenario(new RollBuilder().Land("L-1", "lot 1", 100, Ahn.Holds()).Build()).Consent(Ahn);
        var after = new RollBuilder()
            .Land("L-1", "lot 1", 100, Ahn.Holds("1/2"), Baek.Holds("1/2"))
            .Land("L-9", "lot 9", 100, Cho.Holds())
            .Build();

        var result = Transfers.Between(before.Roll, after, before.Count.CopyState(), Import);

        Assert.Empty(result.Deemed);
        Assert.Empty(result.LeftRoll);
    }
}
