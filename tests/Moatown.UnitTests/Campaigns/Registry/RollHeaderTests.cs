using Moatown.Campaigns.Registry;

namespace Moatown.UnitTests.Campaigns.Registry;

public sealed class RollHeaderTests
{
    [Fact]
    public void An_unknown_column_is_an_error_named_as_written()
    {
        var csv = RollCsv.Header + ",nickname\n" + CsvRow.Land().ToCsv() + ",민준이\n";

        var error = RollCsv.SingleError(RollCsv.Parse(csv));

        Assert.Equal(1, error.Line);
        Assert.Equal("nickname", error.Column);
        Assert.StartsWith("Unknown column \"nickname\". The columns are: property_id, property_kind,", error.Reason);
    }

    [Fact]
    public void A_missing_required_column_is_one_error_not_one_per_row()
    {
        var csv = RollCsv.Header.Replace(",share", "") + "\n"
            + "L-1,land,중화동 1-1,100,,김민준,1980-01-01,,,person,,,\n"
            + "L-2,land,중화동 1-2,100,,김민준,1980-01-01,,,person,,,\n";

        var error = RollCsv.SingleError(RollCsv.Parse(csv));

        Assert.Equal(new RollError(1, "share", "The required column share (지분) is missing from the header."), error);
    }

    [Fact]
    public void Every_missing_required_column_is_listed()
    {
        var result = RollCsv.Parse("property_id,owner_name\nL-1,김민준\n");

        Assert.Equal(["property_kind", "lot_number", "share", "owner_type"], result.Errors.Select(e => e.Column));
        Assert.All(result.Errors, e => Assert.Equal(1, e.Line));
    }

    [Fact]
    public void A_column_given_twice_is_an_error()
    {
        var csv = RollCsv.Header + ",성명\n" + CsvRow.Land().ToCsv() + ",김민준\n";

        var error = RollCsv.SingleError(RollCsv.Parse(csv));

        Assert.Equal(new RollError(1, "owner_name", "The column owner_name (성명) appears twice in the header (columns 6 and 15)."), error);
    }

    [Fact]
    public void English_names_are_matched_without_regard_to_case_or_surrounding_spaces()
    {
        var header = string.Join(',', RollCsv.Header.Split(',').Select(name => $" {name.ToUpperInvariant()} "));

        var roll = RollCsv.Accepted(header + "\n" + RollCsv.SampleRows);

        Assert.Equal(RollCsv.Accepted(RollCsv.Sample).Version, roll.Version);
    }

    [Fact]
    public void English_and_Korean_names_can_be_mixed()
    {
        var english = RollCsv.Header.Split(',');
        var korean = RollCsv.KoreanHeader.Split(',');
        var mixed = string.Join(',', english.Select((name, i) => i % 2 == 0 ? name : korean[i]));

        Assert.Equal(20, RollCsv.Accepted(mixed + "\n" + RollCsv.SampleRows).Rows.Count);
    }

    [Fact]
    public void Columns_only_some_rows_need_may_be_left_out_when_no_row_needs_them()
    {
        var csv = "property_id,property_kind,lot_number,owner_name,share,owner_type\n"
            + "B-1,building,중화동 1-1,주식회사 한빛,1,corporation\n";

        var row = Assert.Single(RollCsv.Accepted(csv).Rows);

        Assert.Null(row.LandAreaM2);
        Assert.Null(row.BirthDate);
        Assert.Equal(HolderStatus.Normal, row.Status);
    }

    [Fact]
    public void A_left_out_column_that_rows_need_is_reported_once_at_the_header()
    {
        var csv = "property_id,property_kind,lot_number,owner_name,share,owner_type\n"
            + "B-1,building,중화동 1-1,주식회사 한빛,1,corporation\n"
            + "L-1,land,중화동 1-1,주식회사 한빛,1,corporation\n"
            + "L-2,land,중화동 1-2,주식회사 한빛,1,corporation\n";

        var error = RollCsv.SingleError(RollCsv.Parse(csv));

        Assert.Equal(new RollError(1, "land_area_m2",
            "The column land_area_m2 (면적) is missing from the header, but land rows need it (first on line 3)."), error);
    }
}
