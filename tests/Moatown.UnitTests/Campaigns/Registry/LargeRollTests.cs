using System.Diagnostics;
using System.Text;
using Moatown.Campaigns.Registry;
using Xunit.Abstractions;

namespace Moatown.UnitTests.Campaigns.Registry;

public sealed class LargeRollTests(ITestOutputHelper output)
{
    private const int Blocks = 10_000;
    private const int RowsPerBlock = 10;

    /// <summary>
    /// 100,000 rows mixing every kind of row. Each block of ten: a parcel with three co-owners in
    /// thirds, a building on it held half and half, a sole owner's parcel with a corporation's
    /// superficies, a public parcel, and a parcel of two owners with ids in 1/4 and 0.75.
    /// </summary>
    private static byte[] GenerateRoll()
    {
        var csv = new StringBuilder(RollCsv.Header.Length + Blocks * RowsPerBlock * 110);
        csv.Append(RollCsv.Header).Append("\r\n");
        for (var b = 0; b < Blocks; b++)
        {
            var lot = $"중화동 {b}";
            var birth = $"{1940 + b % 60}-{1 + b % 12:D2}-{1 + b % 28:D2}";
            var phone = $"010-{b % 10_000:D4}-{b / 10_000:D4}";
            csv.Append($"L-{b}-1,land,{lot}-1,{100 + b % 500}.5,,소유자{b}가,{birth},{phone},1/3,Y,person,,,\"서울특별시 중랑구 {lot}-1, 101호\"\r\n");
            csv.Append($"L-{b}-1,land,{lot}-1,{100 + b % 500}.5,,소유자{b}나,{birth},,1/3,,person,,,\r\n");
            csv.Append($"L-{b}-1,land,{lot}-1,{100 + b % 500}.5,,소유자{b}다,{birth},,1/3,,person,,unlocatable,\r\n");
            csv.Append($"B-{b},building,{lot}-1,,,소유자{b}가,{birth},{phone},1/2,Y,person,,,\r\n");
            csv.Append($"B-{b},building,{lot}-1,,,소유자{b}나,{birth},,0.5,,person,,,\r\n");
            csv.Append($"L-{b}-2,land,{lot}-2,200,,소유자{b}라,{birth},+82 10 {b % 10_000:D4} {b / 10_000:D4},1,,person,,,\r\n");
            csv.Append($"S-{b},superficies,{lot}-2,,,주식회사 {b},,,1,,corporation,,,\r\n");
            csv.Append($"L-{b}-3,land,{lot}-3,50,,중랑구,,,1,,public,중랑구,,\r\n");
            csv.Append($"L-{b}-4,land,{lot}-4,75.25,P-{b}-1,소유자{b}마,{birth},,1/4,Y,person,,,\r\n");
            csv.Append($"L-{b}-4,land,{lot}-4,75.25,P-{b}-2,소유자{b}바,{birth},,0.75,,person,,,\r\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    [Fact]
    public void A_roll_of_100_000_rows_is_accepted()
    {
        var bytes = GenerateRoll();

        var stopwatch = Stopwatch.StartNew();
        var result = RollParser.Parse(bytes, RollCsv.Clock);
        var first = stopwatch.Elapsed;
        stopwatch.Restart();
        var again = RollParser.Parse(bytes, RollCsv.Clock);
        var second = stopwatch.Elapsed;

        // Timing is reported, not asserted: shared test machines are too noisy for that.
        output.WriteLine($"{bytes.Length / 1024.0 / 1024.0:F1} MB, {Blocks * RowsPerBlock} rows: first parse {first.TotalMilliseconds:F0} ms, second {second.TotalMilliseconds:F0} ms");

        var roll = RollCsv.Accepted(result);
        Assert.Equal(Blocks * RowsPerBlock, roll.Rows.Count);
        Assert.Empty(roll.Warnings);
        Assert.Equal(roll.Version, again.Roll?.Version);
        Assert.Equal(Blocks * RowsPerBlock + 1, roll.Rows[^1].Line);
    }

    [Fact]
    public void Errors_in_a_large_roll_are_all_found()
    {
        var text = Encoding.UTF8.GetString(GenerateRoll())
            .Replace("소유자9999가,", "소유자9999가,,")        // one extra value on two lines
            .Replace("S-5000,superficies,중화동 5000-2", "S-5000,superficies,중화동 5000-9");

        var result = RollParser.Parse(Encoding.UTF8.GetBytes(text), RollCsv.Clock);

        Assert.Equal(
            [(50_008, "lot_number"), (99_992, null), (99_995, null)],
            result.Errors.Select(e => (e.Line, e.Column)));
    }
}
