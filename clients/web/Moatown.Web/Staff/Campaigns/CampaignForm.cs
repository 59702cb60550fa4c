using System.Globalization;
using Moatown.Web.Display;

namespace Moatown.Web.Staff.Campaigns;

/// <summary>
/// The create and settings form as posted: text as typed, thresholds in percent (what staff say:
/// "60 %"), the statutory items one per line. <see cref="ToRequest"/> makes the API's body.
/// </summary>
public sealed class CampaignForm
{
    public string? Name { get; set; }
    public string? District { get; set; }
    public string? AreaName { get; set; }
    public string? Address { get; set; }
    public string? OwnerThresholdPercent { get; set; } = "60";
    public string? LandAreaThresholdPercent { get; set; } = "50";
    public string? GroupRule { get; set; } = "majority-of-shares";
    public bool ExcludePublicLand { get; set; }
    public string? FormTitle { get; set; }
    public string? FormBody { get; set; }
    public string? StatutoryItems { get; set; }

    public static CampaignForm From(Campaign campaign) => new()
    {
        Name = campaign.Name,
        District = campaign.Area.District,
        AreaName = campaign.Area.Name,
        Address = campaign.Area.Address,
        OwnerThresholdPercent = (campaign.Counting.OwnerThreshold * 100m).ToString("0.####", CultureInfo.InvariantCulture),
        LandAreaThresholdPercent = (campaign.Counting.LandAreaThreshold * 100m).ToString("0.####", CultureInfo.InvariantCulture),
        GroupRule = campaign.Counting.GroupRule,
        ExcludePublicLand = campaign.Counting.ExcludePublicLandFromArea,
        FormTitle = campaign.ConsentForm.Title,
        FormBody = campaign.ConsentForm.Body,
        StatutoryItems = string.Join('\n', campaign.ConsentForm.StatutoryItems),
    };

    public IReadOnlyList<string> Items =>
        (StatutoryItems ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();

    /// <summary>The API's body, or the fields this form can already tell are wrong (a threshold that is no number).</summary>
    public object? ToRequest(out Dictionary<string, string[]> errors)
    {
        errors = [];
        var owner = Fraction(OwnerThresholdPercent);
        var land = Fraction(LandAreaThresholdPercent);
        if (owner is null)
        {
            errors["counting.ownerThreshold"] = [];
        }
        if (land is null)
        {
            errors["counting.landAreaThreshold"] = [];
        }
        if (errors.Count > 0)
        {
            return null;
        }
        return new
        {
            name = Name,
            district = District,
            areaName = AreaName,
            address = Address,
            counting = new { ownerThreshold = owner, landAreaThreshold = land, groupRule = GroupRule, excludePublicLandFromArea = ExcludePublicLand },
            consentForm = new { title = FormTitle ?? "", body = FormBody ?? "", statutoryItems = Items },
        };
    }

    private static decimal? Fraction(string? percent) =>
        decimal.TryParse(percent?.Trim().TrimEnd('%').Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value / 100m
            : null;

    /// <summary>
    /// What to do about a field the campaigns service refused, in the staff member's language; the
    /// service names fields by their JSON path (counting.ownerThreshold, consentForm.statutoryItems[2]).
    /// </summary>
    public static string Advice(DisplayPreferences d, string field) => field switch
    {
        "name" => d.Pick("캠페인 이름을 1자 이상 200자 이하로 입력해 주세요.", "Enter a campaign name of 1 to 200 characters."),
        "district" => d.Pick("구역이 있는 구를 골라 주세요 (예: 중랑구).", "Choose the district of the area (e.g. 중랑구)."),
        "areaName" => d.Pick("구역 이름을 1자 이상 200자 이하로 입력해 주세요 (예: 중화동 모아타운).", "Enter the area's name, 1 to 200 characters (e.g. 중화동 모아타운)."),
        "address" => d.Pick("주소는 300자까지 입력할 수 있습니다. 줄여서 입력해 주세요.", "An address may have at most 300 characters; please shorten it."),
        "counting.ownerThreshold" or "counting.landAreaThreshold" => d.Pick(
            "0보다 크고 100 이하인 숫자(%)를 입력해 주세요. 소수점은 넷째 자리까지 쓸 수 있습니다 (예: 60 또는 66.6667).",
            "Enter a number above 0 and at most 100 (%), with at most four decimals (e.g. 60 or 66.6667)."),
        "counting.groupRule" => d.Pick("공유자의 동의 방식을 목록에서 골라 주세요.", "Choose how co-holders consent from the list."),
        "counting.ruleSet" => d.Pick("집계 규칙이 맞지 않습니다. 시스템 관리자에게 알려 주세요.", "The counting rule set is not known; please tell your system administrator."),
        "consentForm.title" => d.Pick("동의서 제목은 200자까지 입력할 수 있습니다.", "A consent form title may have at most 200 characters."),
        "consentForm.body" => d.Pick("동의서 본문은 20,000자까지 입력할 수 있습니다.", "A consent form body may have at most 20,000 characters."),
        "consentForm.statutoryItems" => d.Pick("법정 동의 항목은 20개까지, 한 줄에 하나씩 입력해 주세요.", "Enter at most 20 statutory items, one per line."),
        _ when field.StartsWith("consentForm.statutoryItems[", StringComparison.Ordinal) => d.Pick(
            $"{ItemNumber(field)}번째 동의 항목은 1자 이상 500자 이하여야 합니다. 줄여서 다시 입력해 주세요.",
            $"Statutory item {ItemNumber(field)} must have 1 to 500 characters; please shorten it."),
        _ => d.Pick("이 칸의 값을 확인해 주세요.", "Please check this field."),
    };

    /// <summary>Which form field shows the service's error for a JSON path.</summary>
    public static string FieldOf(string path) =>
        path.StartsWith("consentForm.statutoryItems", StringComparison.Ordinal) ? "consentForm.statutoryItems" : path;

    private static int ItemNumber(string field) =>
        int.TryParse(field.AsSpan("consentForm.statutoryItems[".Length).TrimEnd(']'), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index + 1
            : 0;
}
