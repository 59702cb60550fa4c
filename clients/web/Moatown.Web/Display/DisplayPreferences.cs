using System.Globalization;

namespace Moatown.Web.Display;

/// <summary>
/// How this visitor wants pages shown: Korean or English, larger text, higher contrast. Kept in a
/// cookie so it holds on every page without script, and read once per request.
/// </summary>
public sealed record DisplayPreferences(string Language, bool LargeText, bool HighContrast)
{
    public const string CookieName = "moatown-display";
    public static readonly DisplayPreferences Default = new("ko", false, false);

    public bool IsEnglish => Language == "en";

    /// <summary>The Korean text, or the English one when the visitor switched.</summary>
    public string Pick(string korean, string english) => IsEnglish ? english : korean;

    public CultureInfo Culture => CultureInfo.GetCultureInfo(IsEnglish ? "en-GB" : "ko-KR");

    /// <summary>The classes on the page's body that switch the larger text and the high-contrast colours.</summary>
    public string BodyClasses => string.Join(' ', new[] { LargeText ? "large-text" : null, HighContrast ? "high-contrast" : null }.OfType<string>());

    public string ToCookie() => $"{Language}.{(LargeText ? 1 : 0)}{(HighContrast ? 1 : 0)}";

    public static DisplayPreferences FromCookie(string? value)
    {
        if (value is not { Length: 5 } || value[2] != '.')
        {
            return Default;
        }
        var language = value[..2] is "en" ? "en" : "ko";
        return new(language, value[3] == '1', value[4] == '1');
    }
}
