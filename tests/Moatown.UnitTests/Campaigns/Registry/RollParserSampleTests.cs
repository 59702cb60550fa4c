using System.Text;
using Moatown.Campaigns.Registry;

namespace Moatown.UnitTests.Campaigns.Registry;

public sealed class RollParserSampleTests
{
    private static readonly Roll Sample = RollCsv.Accepted(RollCsv.Sample);

    [Fact]
    public void The_sample_roll_has_twenty_rows_with_their_line_numbers()
    {
        Assert.Equal(20, Sample.Rows.Count);
        Assert.Equal(Enumerable.Range(2, 20), Sample.Rows.Select(r => r.Line));
        Assert.Equal(
            ["L-1", "L-2", "B-1", "L-3", "L-3", "B-2", "B-2", "L-4", "L-4", "L-4", "L-5", "L-6", "L-7", "L-8", "L-9", "B-3", "L-10", "S-1", "L-11", "L-11"],
            Sample.Rows.Select(r => r.PropertyId));
    }

    [Fact]
    public void A_sole_person_land_row_is_read_completely()
    {
        var row = Sample.Rows[0];

        Assert.Equal(PropertyKind.Land, row.PropertyKind);
        Assert.Equal("중화동 1-1", row.LotNumber);
        Assert.Equal(300m, row.LandAreaM2);
        Assert.Null(row.OwnerId);
        Assert.Equal("김민준", row.OwnerName);
        Assert.Equal(new DateOnly(1980, 1, 1), row.BirthDate);
        Assert.Equal("+821000000001", row.Phone);
        Assert.Equal(Fraction.One, row.Share);
        Assert.False(row.IsRepresentative);
        Assert.Equal(OwnerType.Person, row.OwnerType);
        Assert.Null(row.ManagingAuthority);
        Assert.Equal(HolderStatus.Normal, row.Status);
        Assert.Equal("서울특별시 중랑구 중화동 1-1", row.Address);
        Assert.Equal(new HolderKey("person:김민준|1980-01-01"), row.Holder);
    }

    [Fact]
    public void Co_owners_have_exact_shares_and_one_representative()
    {
        var l3 = Sample.Rows.Where(r => r.PropertyId == "L-3").ToList();
        Assert.Equal([new Fraction(1, 2), new Fraction(1, 2)], l3.Select(r => r.Share));
        Assert.Equal([true, false], l3.Select(r => r.IsRepresentative));

        var l4 = Sample.Rows.Where(r => r.PropertyId == "L-4").ToList();
        Assert.All(l4, r => Assert.Equal(new Fraction(1, 3), r.Share));
        Assert.Null(l4[2].Phone);
    }

    [Fact]
    public void Buildings_superficies_public_and_unlocatable_rows_are_read()
    {
        var building = Sample.Rows.Single(r => r.PropertyId == "B-3");
        Assert.Equal(PropertyKind.Building, building.PropertyKind);
        Assert.Null(building.LandAreaM2);
        Assert.Null(building.Address);

        var superficies = Sample.Rows.Single(r => r.PropertyId == "S-1");
        Assert.Equal(PropertyKind.Superficies, superficies.PropertyKind);
        Assert.Equal("중화동 1-10", superficies.LotNumber);
        Assert.Equal(OwnerType.Corporation, superficies.OwnerType);
        Assert.Equal("주식회사 한빛", superficies.OwnerName);
        Assert.Null(superficies.BirthDate);

        var state = Sample.Rows.Single(r => r.PropertyId == "L-6");
        Assert.Equal(OwnerType.Public, state.OwnerType);
        Assert.Equal("국토교통부", state.ManagingAuthority);
        Assert.Equal(new HolderKey("authority:국토교통부"), state.Holder);

        Assert.Equal(
            [("L-9", "윤서준"), ("L-11", "오민서")],
            Sample.Rows.Where(r => r.Status == HolderStatus.Unlocatable).Select(r => (r.PropertyId, r.OwnerName)));
    }

    [Fact]
    public void The_only_warning_is_the_co_owned_parcel_without_a_representative()
    {
        var warning = Assert.Single(Sample.Warnings);

        Assert.Equal(9, warning.Line);
        Assert.Equal("representative", warning.Column);
        Assert.Contains("Property L-4 has 3 holders and none is marked Y as representative", warning.Reason);
    }

    [Fact]
    public void The_version_is_a_sha256_of_the_content()
    {
        Assert.Matches("^sha256:[0-9a-f]{64}$", Sample.Version);
        Assert.Equal(Sample.Version, RollCsv.Accepted(RollCsv.Sample).Version);
        Assert.Equal(Sample.Version, new Roll(Sample.Rows).Version);
    }

    [Fact]
    public void Korean_headers_give_the_same_roll_and_the_same_version()
    {
        var korean = RollCsv.Accepted(RollCsv.KoreanHeader + "\n" + RollCsv.SampleRows);

        Assert.Equal(Sample.Rows, korean.Rows);
        Assert.Equal(Sample.Version, korean.Version);
    }

    [Fact]
    public void Row_order_column_order_quoting_line_endings_and_BOM_do_not_change_the_version()
    {
        var lines = RollCsv.Sample.TrimEnd('\n').Split('\n').Select(l => l.Split(',')).ToList();
        var columnOrder = Enumerable.Range(0, lines[0].Length).Reverse().ToArray();
        var rewritten = lines.Take(1).Concat(lines.Skip(1).Reverse())
            .Select(fields => string.Join(',', columnOrder.Select(i => $"\"{fields[i]}\"")));
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join("\r\n", rewritten) + "\r\n\r\n")).ToArray();

        var roll = RollCsv.Accepted(RollCsv.Parse(bytes));

        Assert.Equal(Sample.Version, roll.Version);
        Assert.Equal(21, roll.Rows.Single(r => r.PropertyId == "L-1").Line);
    }

    [Fact]
    public void Equal_values_written_differently_keep_the_version()
    {
        var rewritten = RollCsv.Sample
            .Replace("010-0000-0001", "+82 10 0000 0001")
            .Replace(",1/2,", ",0.5,")
            .Replace(",300,", ",300.0,")
            .Replace(",land,", ",LAND,")
            .Replace("김민준", " 김민준 ");

        Assert.Equal(Sample.Version, RollCsv.Accepted(rewritten).Version);
    }

    [Theory]
    [InlineData("김민준,1980-01-01", "김민준,1980-01-02")]
    [InlineData(",300,", ",301,")]
    [InlineData("010-0000-0008", "010-0000-0009")]
    [InlineData("서울특별시 중랑구 중화동 1-1", "서울특별시 중랑구 중화동 1-2")]
    [InlineData(",unlocatable,", ",,")]
    [InlineData("1/2,Y,person,,,\nL-3", "1/2,,person,,,\nL-3")]
    public void Any_change_of_a_value_changes_the_version(string before, string after)
    {
        var changed = RollCsv.Accepted(RollCsv.Sample.Replace(before, after));

        Assert.NotEqual(Sample.Version, changed.Version);
    }

    [Fact]
    public void The_version_and_the_reasons_do_not_depend_on_the_server_culture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal(Sample.Version, RollCsv.Accepted(RollCsv.Sample).Version);
            Assert.Contains("has 300.5 m² on line 2, but 300 m² here",
                Assert.Single(RollCsv.ParseRows(CsvRow.Land() with { LandAreaM2 = "300.5", Share = "1/2", Representative = "Y" },
                    CsvRow.Land().Holder("이서연", "1975-05-05", "1/2") with { LandAreaM2 = "300" }).Errors).Reason);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void A_roll_can_be_read_from_a_stream()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(RollCsv.Sample));

        var result = RollParser.Parse(stream, RollCsv.Clock);

        Assert.Equal(Sample.Version, RollCsv.Accepted(result).Version);
    }

    [Fact]
    public async Task A_roll_can_be_read_from_a_stream_asynchronously()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(RollCsv.Sample));

        var result = await RollParser.ParseAsync(stream, RollCsv.Clock);

        Assert.Equal(Sample.Version, RollCsv.Accepted(result).Version);
    }

    [Fact]
    public void The_upload_limit_is_fifty_megabytes()
    {
        Assert.Equal(50 * 1024 * 1024, RollParser.MaxBytes);
    }
}
