using System.Text;

namespace Moatown.Contracts.Public;

/// <summary>
/// The district word of a public routing key. AMQP topic keys split on '.', and '*' and '#' are
/// wildcards, so a district name cannot go in as it is. Seoul's 25 자치구 get their official
/// romanised name without "-gu" (중랑구 → "jungnang"), which subscribers can read and type; any
/// other district is its NFC UTF-8 bytes percent-encoded (RFC 3986 unreserved characters kept,
/// '.' encoded too), which is unambiguous and stable.
/// </summary>
public static class DistrictCodes
{
    private static readonly Dictionary<string, string> Seoul = new(StringComparer.Ordinal)
    {
        ["종로구"] = "jongno", ["중구"] = "jung", ["용산구"] = "yongsan", ["성동구"] = "seongdong", ["광진구"] = "gwangjin",
        ["동대문구"] = "dongdaemun", ["중랑구"] = "jungnang", ["성북구"] = "seongbuk", ["강북구"] = "gangbuk", ["도봉구"] = "dobong",
        ["노원구"] = "nowon", ["은평구"] = "eunpyeong", ["서대문구"] = "seodaemun", ["마포구"] = "mapo", ["양천구"] = "yangcheon",
        ["강서구"] = "gangseo", ["구로구"] = "guro", ["금천구"] = "geumcheon", ["영등포구"] = "yeongdeungpo", ["동작구"] = "dongjak",
        ["관악구"] = "gwanak", ["서초구"] = "seocho", ["강남구"] = "gangnam", ["송파구"] = "songpa", ["강동구"] = "gangdong",
    };

    public static IReadOnlyDictionary<string, string> SeoulDistricts => Seoul;

    public static string Of(string district)
    {
        var name = district.Trim().Normalize(NormalizationForm.FormC);
        if (Seoul.TryGetValue(name, out var code))
        {
            return code;
        }
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            var c = (char)b;
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '~')
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return encoded.ToString();
    }

    /// <summary>The routing key of one event, e.g. "moatown.jungnang.consent-signed.v1".</summary>
    public static string RoutingKey(string district, PublicEventType type) =>
        $"{PublicEventTypes.Prefix}.{Of(district)}.{type.Name}.v{type.Major}";
}
