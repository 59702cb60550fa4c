using System.Globalization;
using System.Numerics;
using Moatown.Campaigns.Registry;

namespace Moatown.Campaigns.Counting;

/// <summary>Numbers and lists as people read them. Nothing here is used to decide anything.</summary>
internal static class Display
{
    /// <summary>
    /// Truncated, not rounded: a displayed rate never shows a threshold reached that the exact
    /// rate does not reach (0.59999 shows 0.5999, not 0.6).
    /// </summary>
    public static decimal Truncate(Fraction value, int decimals)
    {
        var scale = BigInteger.Pow(10, decimals);
        var scaled = BigInteger.Divide(value.Numerator * scale, value.Denominator);
        return Normalize((decimal)scaled / (decimal)scale);
    }

    /// <summary>Drops trailing zeros (1850.00 → 1850), so the same area always prints the same.</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    public static string Area(decimal m2) => Normalize(m2).ToString(CultureInfo.InvariantCulture) + " m²";

    public static string Source(ConsentSource source) => source switch
    {
        ConsentSource.Electronic => "electronically",
        ConsentSource.Paper => "on paper",
        _ => "by transfer (deemed)",
    };

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string List(IEnumerable<object> items)
    {
        var texts = items.Select(i => i.ToString()).ToList();
        return texts.Count <= 1 ? string.Concat(texts) : string.Join(", ", texts.Take(texts.Count - 1)) + " and " + texts[^1];
    }
}
