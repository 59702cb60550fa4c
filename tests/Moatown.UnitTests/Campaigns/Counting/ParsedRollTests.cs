using Moatown.Campaigns.Counting;
using Moatown.Campaigns.Registry;
using Moatown.UnitTests.Campaigns.Registry;

namespace Moatown.UnitTests.Campaigns.Counting;

/// <summary>The count of rolls as the importer accepts them, and its agreement with the import's diff.</summary>
public class ParsedRollTests
{
    [Fact]
    public void The_parsed_sample_roll_counts_like_its_transcription()
    {
        var parsed = RollCsv.Accepted(RollCsv.Sample);
        var fromCsv = CountedRoll.Build(parsed);
        var transcribed = SampleRoll.Build();

        Assert.Equal(parsed.Version, fromCsv.Version);
        Assert.Equal(
            transcribed.Owners.Select(o => (o.Key, o.Name, o.Explanation)),
            fromCsv.Owners.Select(o => (o.Key, o.Name, o.Explanation)));
        Assert.Equal(transcribed.NotCounted.Select(n => n.Reason), fromCsv.NotCounted.Select(n => n.Reason));

        var count = new ConsentCount(fromCsv, ConsentState.From(SampleRollTests.ListedConsents().History));
        var tally = count.Tally(Guid.Empty, CountingScenario.Start);
        Assert.Equal((7, 9, 1850m, 2750m, true), (tally.Owners.Consented, tally.Owners.Total, tally.LandArea.ConsentedM2, tally.LandArea.TotalM2, tally.ThresholdMet));
    }

    [Fact]
    public void Transfers_see_the_same_holder_changes_as_the_roll_diff()
    {
        var ahn = Who.Person("Ahn", "1961-01-01");
        var baek = Who.Person("Baek", "1962-02-02");
        var cho = Who.Person("Cho", "1963-03-03");
        var previous = new Roll(new RollBuilder()
            .Land("L-1", "lot 1", 100, ahn.Holds())
            .Land("L-2", "lot 2", 100, ahn.Holds("1/2"), baek.Holds("1/2"))
            .Land("L-3", "lot 3", 100, cho.Holds())
            .Rows);
        var current = new Roll(new RollBuilder()
            .Land("L-1", "lot 1", 100, cho.Holds())
            .Land("L-2", "lot 2", 100, baek.Holds("1/4"), cho.Holds("3/4"))
            .Land("L-3", "lot 3", 100, cho.Holds())
            .Rows);
        var ahnConsents = ConsentState.From([ConsentAction.Consent(ahn.Key, ConsentSource.Paper, CountingScenario.Start)]);

        var replacedByDiff = RollDiff.Between(previous, current).HoldersChanged
            .Where(c => c.Left.Count > 0 && c.Joined.Count > 0)
            .Select(c => c.PropertyId);
        var deemed = Transfers.Between(CountedRoll.Build(previous), CountedRoll.Build(current), ahnConsents, CountingScenario.Start);
        var noneDeemed = Transfers.Between(CountedRoll.Build(previous), CountedRoll.Build(current), new ConsentState(), CountingScenario.Start);

        // Ahn, the only holder who left L-1 and L-2, consented: Cho is deemed on both, once.
        Assert.Equal(["L-1", "L-2"], replacedByDiff);
        Assert.Equal(replacedByDiff, Assert.Single(deemed.Deemed).PropertyIds);
        Assert.Equal(["Ahn"], deemed.LeftRoll.Select(h => h.Name));
        Assert.Empty(noneDeemed.Deemed);
    }
}
