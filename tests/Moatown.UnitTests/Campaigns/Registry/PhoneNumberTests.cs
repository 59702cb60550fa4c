using Moatown.Campaigns.Registry;

namespace Moatown.UnitTests.Campaigns.Registry;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("010-1234-5678")]
    [InlineData("01012345678")]
    [InlineData("010 1234 5678")]
    [InlineData("010.1234.5678")]
    [InlineData("(010) 1234-5678")]
    [InlineData("+82 10 1234 5678")]
    [InlineData("+82-10-1234-5678")]
    [InlineData("+821012345678")]
    [InlineData("+82 010-1234-5678")]
    [InlineData("+82 (0)10 1234 5678")]
    public void Korean_mobile_numbers_in_common_formats_become_E164(string text)
    {
        var row = Assert.Single(RollCsv.Accepted(RollCsv.ParseRows(CsvRow.Land() with { Phone = text })).Rows);

        Assert.Equal("+821012345678", row.Phone);
    }

    [Fact]
    public void No_phone_is_fine()
    {
        Assert.Null(Assert.Single(RollCsv.Accepted(RollCsv.ParseRows(CsvRow.Land())).Rows).Phone);
    }

    [Theory]
    [InlineData("02-123-4567")] // Seoul landline
    [InlineData("031-123-4567")]
    [InlineData("011-123-4567")] // retired mobile prefix
    [InlineData("010-1234-567")]
    [InlineData("010-1234-56789")]
    [InlineData("1012345678")]
    [InlineData("821012345678")]
    [InlineData("+1 010 1234 5678")]
    [InlineData("010-1234-5678 (집)")]
    [InlineData("010/1234/5678")]
    [InlineData("０１０-１２３４-５６７８")]
    [InlineData("010-1234-5678+")]
    public void Anything_else_is_an_error(string text)
    {
        var error = RollCsv.SingleError(RollCsv.ParseRows(CsvRow.Land() with { Phone = text }));

        Assert.Equal(new RollError(2, "phone", $"\"{text}\" is not a Korean mobile number: write it like 010-1234-5678."), error);
    }
}
