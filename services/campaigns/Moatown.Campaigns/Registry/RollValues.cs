using System.Globalization;
using System.Text;

namespace Moatown.Campaigns.Registry;

/// <summary>
/// Reads single values of a roll. Each <c>Try…</c> returns null when the value is good, or the
/// reason (in words for staff) when it is not.
/// </summary>
internal static class RollValues
{
    /// <summary>
    /// Trimmed and in Unicode NFC, or null when empty. NFC because files from macOS may carry
    /// Hangul as decomposed jamo, which would otherwise make the same name two different holders.
    /// </summary>
    public static string? Text(string raw)
    {
        var text = raw.Trim();
        if (text.Length == 0) return null;
        return IsSurelyNfc(text) || text.IsNormalized() ? text : text.Normalize();
    }

    // Latin text and precomposed Hangul syllables are NFC: most values need no ICU call.
    private static bool IsSurelyNfc(string text)
    {
        foreach (var c in text)
            if (c >= '\u0300' && c is < '\uAC00' or > '\uD7A3') return false;
        return true;
    }

    /// <summary>Inner runs of whitespace (including line breaks and ideographic spaces) become one space.</summary>
    public static string CollapseSpaces(string text)
    {
        if (!NeedsCollapsing(text)) return text;
        var builder = new StringBuilder(text.Length);
        var inSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { inSpace = true; continue; }
            if (inSpace && builder.Length > 0) builder.Append(' ');
            inSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static bool NeedsCollapsing(string text)
    {
        for (var i = 0; i < text.Length; i++)
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))))
                return true;
        return false;
    }

    public static string? TryPropertyKind(string text, out PropertyKind kind)
    {
        (var known, kind) = text.ToLowerInvariant() switch
        {
            "land" or "토지" => (true, PropertyKind.Land),
            "building" or "건축물" => (true, PropertyKind.Building),
            "superficies" or "지상권" => (true, PropertyKind.Superficies),
            _ => (false, default),
        };
        return known ? null : $"Unknown property kind \"{text}\": use land (토지), building (건축물) or superficies (지상권).";
    }

    public static string? TryOwnerType(string text, out OwnerType type)
    {
        (var known, type) = text.ToLowerInvariant() switch
        {
            "person" or "개인" => (true, OwnerType.Person),
            "corporation" or "법인" => (true, OwnerType.Corporation),
            "public" or "국공유" => (true, OwnerType.Public),
            _ => (false, default),
        };
        return known ? null : $"Unknown owner type \"{text}\": use person (개인), corporation (법인) or public (국공유).";
    }

    public static string? TryStatus(string text, out HolderStatus status)
    {
        (var known, status) = text.ToLowerInvariant() switch
        {
            "normal" or "정상" => (true, HolderStatus.Normal),
            "unlocatable" or "소재불명" => (true, HolderStatus.Unlocatable),
            _ => (false, default),
        };
        return known ? null : $"Unknown status \"{text}\": use normal (정상), unlocatable (소재불명), or leave it empty for normal.";
    }

    /// <summary>Y marks the representative; N (or empty) does not. Anything else is a typo worth asking about.</summary>
    public static string? TryRepresentative(string text, out bool isRepresentative)
    {
        (var known, isRepresentative) = text switch
        {
            "Y" or "y" or "예" => (true, true),
            "N" or "n" or "아니요" or "아니오" => (true, false),
            _ => (false, false),
        };
        return known ? null : $"\"{text}\" is not a representative mark: write Y for the representative and leave it empty for the others.";
    }

    public static string? TryBirthDate(string text, DateOnly today, out DateOnly date)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return $"\"{text}\" is not a date: write it as YYYY-MM-DD, e.g. 1980-01-31, and check the day exists.";
        return date > today ? $"The birth date {text} is in the future." : null;
    }

    public static string? TryLandArea(string text, out decimal area)
    {
        if (!TryExactDecimal(text, out area))
            return $"\"{text}\" is not an area: write the number of m² only, like 250 or 250.5 (no units or thousands separators).";
        return area <= 0 ? "The land area must be more than 0 m²." : null;
    }

    /// <summary>A fraction "1/3" or a decimal "0.5", exactly: 0.333 is not 1/3.</summary>
    public static string? TryShare(string text, out Fraction share)
    {
        share = Fraction.Zero;
        var slash = text.IndexOf('/');
        if (slash >= 0)
        {
            if (!TryWhole(text[..slash].Trim(), out var numerator) || !TryWhole(text[(slash + 1)..].Trim(), out var denominator))
                return $"\"{text}\" is not a share: write a fraction like 1/2 or a decimal like 0.5.";
            if (denominator == 0) return $"The share {text} divides by zero.";
            share = new Fraction(numerator, denominator);
        }
        else if (TryExactDecimal(text, out var value))
        {
            share = Fraction.FromDecimal(value);
        }
        else
        {
            return $"\"{text}\" is not a share: write a fraction like 1/2 or a decimal like 0.5.";
        }

        if (share <= Fraction.Zero) return "A share must be more than 0.";
        if (share > Fraction.One) return $"The share {text} is more than 1, the whole property.";
        return null;
    }

    // Plain digits only: long parsing keeps absurdly long numbers from costing time.
    private static bool TryWhole(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    // decimal.Parse rounds past 28 significant digits; refusing them keeps every value exact.
    private static bool TryExactDecimal(string text, out decimal value)
    {
        value = 0;
        var digits = 0;
        foreach (var c in text)
            if (char.IsAsciiDigit(c)) digits++;
        return digits is > 0 and <= 28
            && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
