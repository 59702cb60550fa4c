using System.Text;

namespace Moatown.UnitTests.Campaigns.Registry;

public sealed class RollEncodingTests
{
    private static readonly Encoding Cp949 = CodePagesEncodingProvider.Instance.GetEncoding(949)!;

    [Fact]
    public void A_UTF8_BOM_is_skipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(RollCsv.Sample)).ToArray();

        var roll = RollCsv.Accepted(RollCsv.Parse(bytes));

        Assert.Equal(RollCsv.Accepted(RollCsv.Sample).Version, roll.Version);
        Assert.Equal("L-1", roll.Rows[0].PropertyId);
    }

    [Fact]
    public void A_BOM_before_Korean_headers_is_skipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(RollCsv.KoreanHeader + "\n" + RollCsv.SampleRows)).ToArray();

        Assert.Equal(20, RollCsv.Accepted(RollCsv.Parse(bytes)).Rows.Count);
    }

    [Fact]
    public void A_CP949_file_is_rejected_with_an_error_that_names_the_encoding()
    {
        var error = RollCsv.SingleError(RollCsv.Parse(Cp949.GetBytes(RollCsv.Sample)));

        Assert.Equal(2, error.Line); // the header is ASCII, the first Korean text is on line 2
        Assert.Null(error.Column);
        Assert.Contains("not UTF-8", error.Reason);
        Assert.Contains("CP949/EUC-KR", error.Reason);
        Assert.Contains("CSV UTF-8", error.Reason);
    }

    [Fact]
    public void A_CP949_file_with_Korean_headers_fails_on_the_first_line()
    {
        var error = RollCsv.SingleError(RollCsv.Parse(Cp949.GetBytes(RollCsv.KoreanHeader + "\n" + RollCsv.SampleRows)));

        Assert.Equal(1, error.Line);
        Assert.Contains("CP949/EUC-KR", error.Reason);
    }

    [Fact]
    public void A_UTF16_file_is_rejected_as_such()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(RollCsv.Sample)).ToArray();

        var error = RollCsv.SingleError(RollCsv.Parse(bytes));

        Assert.Equal(1, error.Line);
        Assert.Contains("UTF-16", error.Reason);
    }

    [Fact]
    public void Other_invalid_bytes_are_reported_at_their_line()
    {
        var bytes = Encoding.UTF8.GetBytes(RollCsv.Header + "\n" + CsvRow.Land().ToCsv() + "\n")
            .Concat(new byte[] { 0x4C, 0x2D, 0x32, 0xFF, 0xFE, 0xFF, 0x0A })
            .ToArray();

        var error = RollCsv.SingleError(RollCsv.Parse(bytes));

        Assert.Equal(3, error.Line);
        Assert.Contains("not valid UTF-8", error.Reason);
    }

    [Fact]
    public void A_BOM_does_not_excuse_invalid_bytes_after_it()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Cp949.GetBytes(RollCsv.Sample)).ToArray();

        Assert.Contains("CP949", RollCsv.SingleError(RollCsv.Parse(bytes)).Reason);
    }
}
