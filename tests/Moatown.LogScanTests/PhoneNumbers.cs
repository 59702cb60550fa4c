using System.Text.RegularExpressions;

namespace Moatown.LogScanTests;

/// <summary>Korean mobile numbers in any common spelling, reduced to their digits to be compared.</summary>
public static partial class PhoneNumbers
{
    // 010-1234-5678, 01012345678, 010 1234 5678, 010.1234.5678, (010) 1234-5678, +821012345678,
    // +82 10 1234 5678, +82-10-…, +82 010-…, +82 (0)10 …, and 821012345678 without its plus.
    [GeneratedRegex(@"(?<!\d)(?:\+?82[ .-]?(?:\(0\))?0?|\(?0)1[016789]\)?(?:[ .-]?\d){7,8}(?!\d)")]
    private static partial Regex Candidate();

    /// <summary>Every mobile number in the text, as 01012345678.</summary>
    public static IEnumerable<string> In(string text) =>
        Candidate().Matches(text).Select(m => Normalize(m.Value)).OfType<string>();

    public static string? Normalize(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("82", StringComparison.Ordinal))
        {
            digits = digits[2..].StartsWith('0') ? digits[2..] : "0" + digits[2..];
        }
        return digits.Length is 10 or 11 && digits.StartsWith("01", StringComparison.Ordinal) ? digits : null;
    }
}
