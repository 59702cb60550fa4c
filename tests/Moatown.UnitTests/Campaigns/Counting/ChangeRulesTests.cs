using Moatown.Campaigns.Counting;
using static Moatown.UnitTests.Campaigns.Counting.People;

namespace Moatown.UnitTests.Campaigns.Counting;

/// <summary>Rules 15 and 17: withdrawal, and one standing per person whatever the channel.</summary>
public class ChangeRulesTests
{
    private static CountedRoll Roll() => new RollBuilder()
        .Land("L-1", "lot 1", 100, Ahn.Holds())
        .Land("L-2", "lot 2", 100, Baek.Holds())
        .Build();

    [Fact]
    public void Rule15_a_withdrawal_stops_counting_and_a_later_consent_counts_again_with_history_kept()
    {
        var scenario = new CountingScenario(Roll());

        scenario.Consent(Ahn);
        Assert.Equal(1, scenario.Tally().Owners.Consented);

        scenario.Withdraw(Ahn);
        var withdrawn = scenario.Tally();
        Assert.Equal((0, 0m, 1), (withdrawn.Owners.Consented, withdrawn.LandArea.ConsentedM2, withdrawn.Withdrawals));
        Assert.StartsWith("Ahn withdrew electronically", Assert.Single(scenario.Explain(Ahn).Why));

        scenario.Consent(Ahn, ConsentSource.Paper);
        var again = scenario.Tally();
        Assert.Equal((1, 100m, 0), (again.Owners.Consented, again.LandArea.ConsentedM2, again.Withdrawals));
        Assert.Equal(new ConsentsBySource(0, 1, 0), again.BySource);
        // The tally is rebuilt from the whole history, never from an overwritten record.
        Assert.Equal(3, scenario.History.Count);
    }

    [Fact]
    public void Rule17_paper_then_electronic_consent_of_the_same_person_counts_once_under_the_latest()
    {
        var scenario = new CountingScenario(Roll());

        var tally = scenario.Consent(Ahn, ConsentSource.Paper).Consent(Ahn, ConsentSource.Electronic).Tally();

        Assert.Equal(1, tally.Owners.Consented);
        Assert.Equal(100m, tally.LandArea.ConsentedM2);
        Assert.Equal(new ConsentsBySource(Electronic: 1, Paper: 0, Deemed: 0), tally.BySource);
    }

    [Fact]
    public void Rule17_the_latest_action_wins_a_withdrawal_after_a_paper_consent_withdraws_it()
    {
        var scenario = new CountingScenario(Roll());

        scenario.Consent(Ahn, ConsentSource.Paper).Withdraw(Ahn, ConsentSource.Electronic);

        Assert.False(scenario.Consents(Ahn));
        Assert.Equal(0, scenario.Tally().Owners.Consented);
    }

    [Fact]
    public void Rule17_an_action_older_than_the_standing_is_history_only()
    {
        var scenario = new CountingScenario(Roll());
        var t = CountingScenario.Start;

        scenario.Apply(ConsentAction.Withdrawal(Ahn.Key, ConsentSource.Electronic, t.AddHours(2)));
        // A paper consent signed earlier and entered late does not undo the later withdrawal.
        Assert.False(scenario.Count.Apply(ConsentAction.Consent(Ahn.Key, ConsentSource.Paper, t.AddHours(1))));
        scenario.Apply(ConsentAction.Consent(Ahn.Key, ConsentSource.Paper, t.AddHours(1)));

        Assert.False(scenario.Consents(Ahn));
        Assert.Equal(1, scenario.Tally().Withdrawals);
    }

    [Fact]
    public void Rule17_actions_at_the_same_moment_count_in_the_order_recorded()
    {
        var at = CountingScenario.Start.AddHours(1);
        var state = ConsentState.From(
        [
            ConsentAction.Consent(Ahn.Key, ConsentSource.Paper, at),
            ConsentAction.Withdrawal(Ahn.Key, ConsentSource.Paper, at),
        ]);

        Assert.False(state.Consents(Ahn.Key));
    }

    [Fact]
    public void A_consent_of_someone_not_on_the_roll_is_kept_and_moves_nothing()
    {
        var scenario = new CountingScenario(Roll());

        Assert.True(scenario.Count.Apply(ConsentAction.Consent(Cho.Key, ConsentSource.Electronic, CountingScenario.Start)));

        Assert.Equal(0, scenario.Tally().Owners.Consented);
        Assert.True(scenario.Count.StandingOf(Cho.Key)?.Consents);
    }
}
