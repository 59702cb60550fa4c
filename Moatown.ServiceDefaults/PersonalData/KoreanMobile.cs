namespace Moatown.ServiceDefaults.PersonalData;

/// <summary>
/// Korean mobile numbers in E.164. Only 010 numbers: the old 011/016–019 prefixes were retired in
/// 2021, and landlines cannot receive the text messages this number is for.
/// </summary>
public static class KoreanMobile
{
    /// <summary>
    /// "010-1234-5678", "01012345678", "010.1234.5678", "+82 10 1234 5678", "+82 (0)10…" → "+821012345678";
    /// null when it is not a Korean mobile number.
    /// </summary>
    public static string? ToE164(string text)
    {
        Span<char> digits = stackalloc char[16];
        var count = 0;
        var international = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length) return null;
                digits[count++] = c;
            }
            else if (c == '+' && i == 0) international = true;
            else if (c is not (' ' or '-' or '.' or '(' or ')')) return null;
        }

        ReadOnlySpan<char> national = digits[..count];
        if (international)
        {
            if (!national.StartsWith("82")) return null;
            national = national[2..];
            // "+82 010…" is a common way of writing it; the trunk 0 is dropped in E.164.
            if (national.StartsWith("0")) national = national[1..];
        }
        else
        {
            if (!national.StartsWith("0")) return null;
            national = national[1..];
        }

        return national.Length == 10 && national.StartsWith("10") ? $"+82{national}" : null;
    }
}
