using System.Globalization;
using System.Text.RegularExpressions;

namespace Moatown.LogScanTests;

/// <summary>Finds personal values in log files, however a service printed them.</summary>
public sealed partial class LogScanner
{
    private readonly List<(PersonalValue Value, string Text, bool DigitBounded)> _texts = [];
    private readonly Dictionary<string, PersonalValue> _phones = new(StringComparer.Ordinal);

    public LogScanner(IEnumerable<PersonalValue> values)
    {
        foreach (var value in values)
        {
            switch (value.Kind)
            {
                case PersonalKind.Phone:
                    _phones[value.Value] = value;
                    break;
                case PersonalKind.BirthDate:
                    foreach (var spelling in DateSpellings(value.Value))
                    {
                        // 1980-01-01 inside 21980-01-015 is not that date.
                        _texts.Add((value, spelling, true));
                    }
                    break;
                default:
                    _texts.Add((value, value.Value, false));
                    break;
            }
        }
    }

    public IEnumerable<Finding> Scan(string file)
    {
        var number = 0;
        foreach (var raw in File.ReadLines(file))
        {
            number++;
            var line = Unescape(raw);
            foreach (var phone in PhoneNumbers.In(line).Distinct())
            {
                if (_phones.TryGetValue(phone, out var value))
                {
                    yield return new(file, number, value);
                }
            }
            foreach (var (value, text, bounded) in _texts)
            {
                if (Contains(line, text, bounded))
                {
                    yield return new(file, number, value);
                }
            }
        }
    }

    /// <summary>
    /// The spellings a date takes in .NET and in Korean records: ISO, compact, invariant culture
    /// (DateOnly.ToString()), dotted and slashed.
    /// </summary>
    private static IEnumerable<string> DateSpellings(string isoDate)
    {
        if (!DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return [isoDate];
        }
        return new[] { "yyyy-MM-dd", "yyyyMMdd", "MM/dd/yyyy", "yyyy.MM.dd", "yyyy/MM/dd" }
            .Select(format => date.ToString(format, CultureInfo.InvariantCulture));
    }

    private static bool Contains(string line, string text, bool digitBounded)
    {
        for (var at = line.IndexOf(text, StringComparison.Ordinal); at >= 0; at = line.IndexOf(text, at + 1, StringComparison.Ordinal))
        {
            if (!digitBounded
                || ((at == 0 || !char.IsAsciiDigit(line[at - 1])) && (at + text.Length == line.Length || !char.IsAsciiDigit(line[at + text.Length]))))
            {
                return true;
            }
        }
        return false;
    }

    // JSON console logs escape every non-ASCII character and '+': 김 is \uAE40, +82 is \u002B82.
    [GeneratedRegex(@"\\u(?<hex>[0-9A-Fa-f]{4})")]
    private static partial Regex JsonEscape();

    private static string Unescape(string line) => line.Contains("\\u", StringComparison.Ordinal)
        ? JsonEscape().Replace(line, m => ((char)int.Parse(m.Groups["hex"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
        : line;
}
