using Moatown.Campaigns.Registry;

namespace Moatown.UnitTests.Campaigns.Registry;

/// <summary>RFC 4180 as organizers' spreadsheets write it.</summary>
public sealed class RollCsvSyntaxTests
{
    [Fact]
    public void Quoted_values_keep_commas_doubled_quotes_and_line_breaks()
    {
        var csv = RollCsv.Header + "\n"
            + "L-1,land,\"중화동 1-1\",100,,\"김 \"\"철수\"\"\",1980-01-01,,1,,person,,,\"서울특별시 중랑구, 중화동 1-1\n(2층)\"\n"
            + CsvRow.Land("L-2", "중화동 1-2").Holder("이서연", "1975-05-05").ToCsv() + "\n";

        var roll = RollCsv.Accepted(csv);

        Assert.Equal("김 \"철수\"", roll.Rows[0].OwnerName);
        Assert.Equal("서울특별시 중랑구, 중화동 1-1\n(2층)", roll.Rows[0].Address);
        Assert.Equal(2, roll.Rows[0].Line);
        Assert.Equal(4, roll.Rows[1].Line); // the quoted line break moved it down one line
    }

    [Fact]
    public void CRLF_inside_a_quoted_value_becomes_LF_so_the_version_does_not_depend_on_it()
    {
        var lf = RollCsv.Accepted(RollCsv.WithHeader(CsvRow.Land() with { Address = "1층\n2층" }));
        var crlf = RollCsv.Accepted(RollCsv.WithHeader(CsvRow.Land() with { Address = "1층\r\n2층" }).Replace("\n", "\r\n").Replace("\r\r\n", "\r\n"));

        Assert.Equal("1층\n2층", crlf.Rows[0].Address);
        Assert.Equal(lf.Version, crlf.Version);
    }

    [Fact]
    public void Old_Mac_line_endings_are_line_endings_too()
    {
        var roll = RollCsv.Accepted(RollCsv.Sample.Replace("\n", "\r"));

        Assert.Equal(RollCsv.Accepted(RollCsv.Sample).Version, roll.Version);
        Assert.Equal(21, roll.Rows[^1].Line);
    }

    [Fact]
    public void A_line_break_inside_a_name_is_collapsed_like_any_other_space()
    {
        var roll = RollCsv.Accepted(RollCsv.WithHeader(CsvRow.Land() with { OwnerName = "  김\n  민준 " }));

        Assert.Equal("김 민준", roll.Rows[0].OwnerName);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_where_the_value_starts()
    {
        var csv = RollCsv.WithHeader(CsvRow.Land()) + "L-2,land,중화동 1-2,100,,이서연,1975-05-05,,1,,person,,,\"서울\n";

        var error = RollCsv.SingleError(RollCsv.Parse(csv));

        Assert.Equal(3, error.Line);
        Assert.Equal("address", error.Column);
        Assert.Contains("never closed", error.Reason);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_error()
    {
        var csv = RollCsv.Header + "\nL-1,land,중화동 1-1,100,,\"김민준\" 님,1980-01-01,,1,,person,,,\n";

        var error = RollCsv.SingleError(RollCsv.Parse(csv));

        Assert.Equal(2, error.Line);
        Assert.Equal("owner_name", error.Column);
        Assert.Contains("after the closing quote", error.Reason);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_value_is_an_error()
    {
        var csv = RollCsv.Header + "\nL-1,land,중화동 1-1,100,,김\"민준,1980-01-01,,1,,person,,,\n";

        var error = RollCsv.SingleError(RollCsv.Parse(csv));

        Assert.Equal(2, error.Line);
        Assert.Equal("owner_name", error.Column);
        Assert.Contains("quote", error.Reason);
    }

    [Fact]
    public void A_line_with_too_many_values_is_an_error_for_the_whole_line()
    {
        var csv = RollCsv.WithHeader(CsvRow.Land()) + "L-2,land,중화동 1-2,100,,이서연,1975-05-05,,1,,person,,,서울, 중랑구\n";

        var error = RollCsv.SingleError(RollCsv.Parse(csv));

        Assert.Equal(3, error.Line);
        Assert.Null(error.Column);
        Assert.Equal("This line has 15 values but the header has 14 columns: a comma is missing or extra (a value with a comma must be in quotes).", error.Reason);
    }

    [Fact]
    public void A_line_with_too_few_values_does_not_also_make_its_property_shares_wrong()
    {
        var csv = RollCsv.WithHeader(CsvRow.Land().Holder("김민준", "1980-01-01", "1/2")) + "L-1,land,중화동 1-1,100,,이서연,1975-05-05,,1/2\n";

        var error = RollCsv.SingleError(RollCsv.Parse(csv));

        Assert.Equal(3, error.Line);
        Assert.Contains("has 9 values", error.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("\r\n  \r\n")]
    public void An_empty_file_is_an_error(string csv)
    {
        var error = RollCsv.SingleError(RollCsv.Parse(csv));

        Assert.Equal(1, error.Line);
        Assert.Null(error.Column);
        Assert.StartsWith("The file is empty", error.Reason);
    }

    [Theory]
    [InlineData(RollCsv.Header)]
    [InlineData(RollCsv.Header + "\r\n")]
    [InlineData(RollCsv.Header + "\n\n,,,,,,,,,,,,,\n")]
    public void A_header_without_rows_is_an_error(string csv)
    {
        var error = RollCsv.SingleError(RollCsv.Parse(csv));

        Assert.Equal(1, error.Line);
        Assert.Null(error.Column);
        Assert.StartsWith("The file has a header but no rows", error.Reason);
    }

    [Fact]
    public void Empty_lines_at_the_end_are_ignored_without_a_warning()
    {
        var roll = RollCsv.Accepted(RollCsv.WithHeader(CsvRow.Land()) + "\n\r\n,,,,,,,,,,,,,\n   \n");

        Assert.Single(roll.Rows);
        Assert.Empty(roll.Warnings);
    }

    [Fact]
    public void Empty_lines_between_rows_are_skipped_with_a_warning()
    {
        var csv = RollCsv.Header + "\n" + CsvRow.Land().ToCsv() + "\n\n" + CsvRow.Land("L-2", "중화동 1-2").ToCsv() + "\n";

        var roll = RollCsv.Accepted(csv);

        Assert.Equal([2, 4], roll.Rows.Select(r => r.Line));
        var warning = Assert.Single(roll.Warnings);
        Assert.Equal(new RollWarning(3, null, "This line is empty and was skipped."), warning);
    }

    [Fact]
    public void A_last_line_without_a_line_break_is_read()
    {
        var roll = RollCsv.Accepted(RollCsv.Header + "\n" + CsvRow.Land().ToCsv());

        Assert.Equal("김민준", roll.Rows[0].OwnerName);
    }

    [Fact]
    public void A_trailing_column_without_a_name_is_fine_while_it_stays_empty()
    {
        var csv = RollCsv.Header + ",\n" + CsvRow.Land().ToCsv() + ",\n" + CsvRow.Land("L-2", "중화동 1-2").ToCsv() + ",메모\n";

        var error = RollCsv.SingleError(RollCsv.Parse(csv));

        Assert.Equal(new RollError(3, null, "Column 15 has a value but no name in the header."), error);
        Assert.True(RollCsv.Parse(csv.Replace(",메모", ",")).Accepted);
    }
}
