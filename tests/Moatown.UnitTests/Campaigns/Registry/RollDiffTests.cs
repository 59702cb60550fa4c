using Moatown.Campaigns.Registry;

namespace Moatown.UnitTests.Campaigns.Registry;

public sealed class RollDiffTests
{
    private static readonly Roll Sample = RollCsv.Accepted(RollCsv.Sample);

    private static Roll SampleWith(Func<string, string> change) => RollCsv.Accepted(change(RollCsv.Sample));

    [Fact]
    public void The_same_roll_has_no_difference()
    {
        var diff = RollDiff.Between(Sample, RollCsv.Accepted(RollCsv.KoreanHeader + "\n" + RollCsv.SampleRows));

        Assert.True(diff.IsEmpty);
    }

    [Fact]
    public void New_properties_are_added_and_missing_ones_removed()
    {
        var current = SampleWith(csv => csv
            .Replace("L-5,land,중화동 1-5,150,,이서연,1975-05-05,010-0000-0002,1,,person,,,\n", "")
            .Replace("L-2,", "L-2b,")
            + "B-4,building,중화동 1-11,,,한예준,1983-02-02,,1,,person,,,\n");

        var diff = RollDiff.Between(Sample, current);

        Assert.Equal(["L-2b", "B-4"], diff.PropertiesAdded);
        Assert.Equal(["L-2", "L-5"], diff.PropertiesRemoved);
        Assert.Empty(diff.HoldersChanged);
    }

    [Fact]
    public void A_transfer_shows_the_holder_who_left_and_the_one_who_joined()
    {
        var current = SampleWith(csv => csv.Replace(
            "L-4,land,중화동 1-4,400,,강도윤,1985-12-12,,1/3",
            "L-4,land,중화동 1-4,400,,홍길동,1970-10-10,,1/3"));

        var change = Assert.Single(RollDiff.Between(Sample, current).HoldersChanged);

        Assert.Equal("L-4", change.PropertyId);
        Assert.Equal(new HolderKey("person:홍길동|1970-10-10"), Assert.Single(change.Joined).Holder);
        Assert.Equal(new HolderKey("person:강도윤|1985-12-12"), Assert.Single(change.Left).Holder);
        Assert.Equal(11, change.Joined[0].Line);
    }

    [Fact]
    public void A_new_co_owner_joins_without_anyone_leaving()
    {
        var current = SampleWith(csv => csv
            .Replace("L-10,land,중화동 1-10,220,,장지호,1979-07-07,010-0000-0007,1,,", "L-10,land,중화동 1-10,220,,장지호,1979-07-07,010-0000-0007,1/2,Y,")
            + "L-10,land,중화동 1-10,220,,장서윤,2001-07-07,,1/2,,person,,,\n");

        var change = Assert.Single(RollDiff.Between(Sample, current).HoldersChanged);

        Assert.Equal("L-10", change.PropertyId);
        Assert.Equal("장서윤", Assert.Single(change.Joined).OwnerName);
        Assert.Empty(change.Left);
    }

    [Fact]
    public void A_changed_share_phone_or_status_is_not_a_change_of_holder()
    {
        var current = SampleWith(csv => csv
            .Replace("010-0000-0001", "010-9999-0001")
            .Replace("1975-05-05,010-0000-0002,1/2,Y", "1975-05-05,010-0000-0002,2/3,Y")
            .Replace("1972-03-03,010-0000-0003,1/2,", "1972-03-03,010-0000-0003,1/3,")
            .Replace(",unlocatable,", ",,"));

        Assert.NotEqual(Sample.Version, current.Version);
        Assert.True(RollDiff.Between(Sample, current).IsEmpty);
    }

    [Fact]
    public void Giving_a_holder_an_owner_id_changes_who_they_are()
    {
        var current = SampleWith(csv => csv.Replace("L-9,land,중화동 1-9,180,,윤서준", "L-9,land,중화동 1-9,180,P-9,윤서준"));

        var change = Assert.Single(RollDiff.Between(Sample, current).HoldersChanged);

        Assert.Equal(new HolderKey("id:P-9"), Assert.Single(change.Joined).Holder);
        Assert.Equal(new HolderKey("person:윤서준|1950-01-01"), Assert.Single(change.Left).Holder);
    }

    [Fact]
    public void Against_an_empty_previous_roll_everything_is_added()
    {
        var diff = RollDiff.Between(new Roll([]), Sample);

        Assert.Equal(Sample.Rows.Select(r => r.PropertyId).Distinct(), diff.PropertiesAdded);
        Assert.Empty(diff.PropertiesRemoved);
    }
}
