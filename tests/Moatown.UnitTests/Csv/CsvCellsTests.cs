using System.Text;
using Moatown.ServiceDefaults.Csv;

namespace Moatown.UnitTests.Csv;

public sealed class CsvCellsTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\r=1", "\"'\r=1\"")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_text(string value, string cell) =>
        Assert.Equal(cell, CsvCells.Field(value));

    [Theory]
    [InlineData("김민준", "김민준")]
    [InlineData("a=b", "a=b")]
    [InlineData("1,2", "\"1,2\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Other_cells_are_as_RFC_4180_writes_them(string? value, string cell) =>
        Assert.Equal(cell, CsvCells.Field(value));

    [Fact]
    public void A_record_ends_with_CRLF() =>
        Assert.Equal("a,'=1\r\n", new StringBuilder().AppendRecord(["a", "=1"]).ToString());
}
