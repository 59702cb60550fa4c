using System.Globalization;

namespace Moatown.Documents.Rendering;

/// <summary>The fixed Korean wording of the consent form around the organizer's own text, shared by its PDF and HTML.</summary>
internal static class FormWording
{
    public const string Owner = "소유자";
    public const string BirthDate = "생년월일";
    public const string PropertiesHeading = "소유 부동산";
    public const string PropertiesCaption = "이 동의서에 해당하는 소유자의 부동산";
    public const string LotNumber = "소재지(지번)";
    public const string Kind = "구분";
    public const string Area = "토지면적(㎡)";
    public const string Share = "지분";
    public const string BodyHeading = "동의 내용";
    public const string ItemsHeading = "법정 동의 사항";
    public const string Agree = "동의함";
    public const string Disagree = "동의하지 않음";
    public const string NoArea = "-";

    public static string AreaValue(decimal? areaM2) =>
        areaM2 is { } area ? area.ToString("#,##0.##", CultureInfo.InvariantCulture) : NoArea;

    public static string Place(ConsentFormContent form) => $"{form.District} {form.AreaName}".Trim();

    public static string Version(ConsentFormContent form) => Version(form.FormVersion);

    public static string Version(int formVersion) => $"동의서 양식 제{formVersion}판";

    public static string Footer(ConsentFormContent form, int page, int pages) =>
        $"{form.CampaignName} · {Version(form)} · {page} / {pages}쪽";
}
