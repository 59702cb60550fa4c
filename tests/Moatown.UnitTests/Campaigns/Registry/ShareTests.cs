using Moatown.Campaigns.Registry;

namespace Moatown.UnitTests.Campaigns.Registry;

public sealed class ShareTests
{
    [Theory]
    [InlineData("1", 1, 1)]
    [InlineData("1/2", 1, 2)]
    [InlineData(" 1 / 2 ", 1, 2)]
    [InlineData("2/4", 1, 2)]
    [InlineData("0.5", 1, 2)]
    [InlineData(".25", 1, 4)]
    [InlineData("1.000", 1, 1)]
    [InlineData("3/3", 1, 1)]
    public void A_share_is_an_exact_fraction_written_as_a_fraction_or_a_decimal(string text, int numerator, int denominator)
    {
        var row = CsvRow.Land() with { Share = text };
        var rest = new Fraction(denominator - numerator, denominator);
        var rows = rest == Fraction.Zero ? new[] { row } : new[] { row, CsvRow.Land().Holder("이서연", "1975-05-05", rest.ToString()) };

        var roll = RollCsv.Accepted(RollCsv.ParseRows(rows));

        Assert.Equal(new Fraction(numerator, denominator), roll.Rows[0].Share);
    }

    [Fact]
    public void Three_thirds_are_exactly_one()
    {
        var roll = RollCsv.Accepted(RollCsv.ParseRows(
            CsvRow.Land().Holder("최유진", "1990-09-09", "1/3") with { Representative = "Y" },
            CsvRow.Land().Holder("정하은", "1988-08-08", "1/3"),
            CsvRow.Land().Holder("강도윤", "1985-12-12", "1/3")));

        Assert.Equal(Fraction.One, roll.Rows.Aggregate(Fraction.Zero, (sum, r) => sum + r.Share));
    }

    [Fact]
    public void Fractions_and_decimals_can_be_mixed_on_one_property()
    {
        var roll = RollCsv.Accepted(RollCsv.ParseRows(
            CsvRow.Land().Holder("최유진", "1990-09-09", "0.25") with { Representative = "Y" },
            CsvRow.Land().Holder("정하은", "1988-08-08", "1/2"),
            CsvRow.Land().Holder("강도윤", "1985-12-12", "0.125"),
            CsvRow.Land().Holder("윤서준", "1950-01-01", "1/8")));

        Assert.Equal(4, roll.Rows.Count);
    }

    [Fact]
    public void Rounded_thirds_do_not_make_one()
    {
        var error = RollCsv.SingleError(RollCsv.ParseRows(
            CsvRow.Land().Holder("최유진", "1990-09-09", "0.333") with { Representative = "Y" },
            CsvRow.Land().Holder("정하은", "1988-08-08", "0.333"),
            CsvRow.Land().Holder("강도윤", "1985-12-12", "0.333")));

        Assert.Equal(new RollError(2, "share", "The shares of property L-1 add up to 999/1000, not 1 (on lines 2, 3, 4)."), error);
    }

    [Theory]
    [InlineData("half", "\"half\" is not a share: write a fraction like 1/2 or a decimal like 0.5.")]
    [InlineData("50%", "\"50%\" is not a share: write a fraction like 1/2 or a decimal like 0.5.")]
    [InlineData("1/2/3", "\"1/2/3\" is not a share: write a fraction like 1/2 or a decimal like 0.5.")]
    [InlineData("-1/2", "\"-1/2\" is not a share: write a fraction like 1/2 or a decimal like 0.5.")]
    [InlineData("1.5/2", "\"1.5/2\" is not a share: write a fraction like 1/2 or a decimal like 0.5.")]
    [InlineData("1/0", "The share 1/0 divides by zero.")]
    [InlineData("0", "A share must be more than 0.")]
    [InlineData("0/3", "A share must be more than 0.")]
    [InlineData("3/2", "The share 3/2 is more than 1, the whole property.")]
    [InlineData("1.01", "The share 1.01 is more than 1, the whole property.")]
    [InlineData("0.1234567890123456789012345678901", "\"0.1234567890123456789012345678901\" is not a share: write a fraction like 1/2 or a decimal like 0.5.")]
    public void A_share_that_is_not_a_number_between_0_and_1_is_an_error(string text, string reason)
    {
        var error = RollCsv.SingleError(RollCsv.ParseRows(CsvRow.Land() with { Share = text }));

        Assert.Equal(new RollError(2, "share", reason), error);
    }
}
