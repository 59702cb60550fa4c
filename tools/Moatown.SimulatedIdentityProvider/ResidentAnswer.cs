using System.Globalization;
using System.Text.RegularExpressions;

namespace Moatown.SimulatedIdentityProvider;

/// <summary>
/// What the resident typed on the page, checked the way a provider's own form checks it. The phone and
/// carrier stand in for the real provider's SMS or app confirmation; they are never returned to the client.
/// </summary>
public sealed partial record ResidentAnswer(string Name, DateOnly BirthDate)
{
    public static readonly IReadOnlyDictionary<string, string> Carriers = new Dictionary<string, string>
    {
        ["skt"] = "SKT",
        ["kt"] = "KT",
        ["lgu"] = "LG U+",
        ["mvno"] = "알뜰폰",
    };

    /// <summary>The answer, or the message (in Korean, for the page) that says what to correct.</summary>
    public static (ResidentAnswer? Answer, string? Problem) Read(IFormCollection form, DateOnly today)
    {
        // Kept as typed (only trimmed): real providers do not promise NFC either, so the client must normalise.
        var name = form["name"].ToString().Trim();
        if (name.Length is 0 or > 50)
        {
            return (null, "이름을 입력해 주세요.");
        }
        if (!DateOnly.TryParseExact(form["birthdate"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate)
            || birthDate.Year < 1900 || birthDate > today)
        {
            return (null, "생년월일을 YYYY-MM-DD 형식으로 입력해 주세요.");
        }
        if (!Carriers.ContainsKey(form["carrier"].ToString()))
        {
            return (null, "통신사를 선택해 주세요.");
        }
        if (!MobileNumber().IsMatch(form["phone"].ToString().Replace("-", "").Replace(" ", "")))
        {
            return (null, "휴대폰 번호를 확인해 주세요.");
        }
        return (new ResidentAnswer(name, birthDate), null);
    }

    [GeneratedRegex("^01[016789][0-9]{7,8}$")]
    private static partial Regex MobileNumber();
}
