using System.Globalization;
using Moatown.Web.Display;

namespace Moatown.Web.Staff.Campaigns;

/// <summary>The services' wire names (status, progress, sources) in the words staff read, Korean or English.</summary>
internal static class CampaignWords
{
    public static string Status(this DisplayPreferences d, string status) => status switch
    {
        "draft" => d.Pick("준비 중", "Draft"),
        "open" => d.Pick("진행 중", "Open"),
        "closed" => d.Pick("마감", "Closed"),
        _ => status,
    };

    public static string Progress(this DisplayPreferences d, string progress) => progress switch
    {
        "not-invited" => d.Pick("초대 전", "Not invited"),
        "invited" => d.Pick("초대함", "Invited"),
        "opened" => d.Pick("링크 열어 봄", "Opened the link"),
        "verified" => d.Pick("본인 확인함", "Verified"),
        "signed" => d.Pick("서명함", "Signed"),
        "withdrawn" => d.Pick("철회함", "Withdrew"),
        _ => progress,
    };

    public static string Source(this DisplayPreferences d, string source) => source switch
    {
        "electronic" => d.Pick("전자", "electronic"),
        "paper" => d.Pick("서면", "paper"),
        "deemed" => d.Pick("간주", "deemed"),
        _ => source,
    };

    public static string Action(this DisplayPreferences d, string action) => action switch
    {
        "consent" => d.Pick("동의", "Consent"),
        "withdrawal" => d.Pick("철회", "Withdrawal"),
        _ => action,
    };

    public static string Standing(this DisplayPreferences d, Standing? standing) =>
        standing is null ? d.Pick("없음", "None") : $"{d.Action(standing.Action)} ({d.Source(standing.Source)})";

    public static string OwnerType(this DisplayPreferences d, string type) => type switch
    {
        "person" => d.Pick("개인", "Person"),
        "corporation" => d.Pick("법인", "Corporation"),
        "public" => d.Pick("국공유", "Public"),
        _ => type,
    };

    public static string GroupRule(this DisplayPreferences d, string rule) => rule switch
    {
        "majority-of-shares" => d.Pick("지분 과반 동의", "Majority of shares"),
        "all-holders" => d.Pick("공유자 전원 동의", "All co-holders"),
        _ => rule,
    };

    public static string OwnerKind(this DisplayPreferences d, string kind) => kind switch
    {
        "sole-holder" => d.Pick("단독 소유자", "Sole holder"),
        "group" => d.Pick("공유자 묶음", "Co-holder group"),
        "authority" => d.Pick("재산관리청", "Managing authority"),
        _ => kind,
    };

    public static string InvitationStatus(this DisplayPreferences d, string status) => status switch
    {
        "active" => d.Pick("유효", "Active"),
        "expired" => d.Pick("만료", "Expired"),
        "replaced" => d.Pick("새 링크로 바뀜", "Replaced"),
        _ => status,
    };

    public static string InvitationKind(this DisplayPreferences d, string kind) => kind switch
    {
        "invitation" => d.Pick("초대", "Invitation"),
        "reminder" => d.Pick("다시 알림", "Reminder"),
        _ => kind,
    };

    public static string MessageStatus(this DisplayPreferences d, string status) => status switch
    {
        "queued" => d.Pick("보내기 대기", "Queued"),
        "sent" => d.Pick("보냄", "Sent"),
        "delivered" => d.Pick("도착", "Delivered"),
        "failed" => d.Pick("실패", "Failed"),
        _ => status,
    };

    /// <summary>A fraction (0.6) as a percentage (60 %), up to two decimals.</summary>
    public static string Percent(decimal fraction) =>
        (fraction * 100m).ToString("0.##", CultureInfo.InvariantCulture) + " %";

    public static string Area(decimal m2) => m2.ToString("#,0.##", CultureInfo.InvariantCulture) + " m²";

    /// <summary>Seoul time: the campaigns are all in Seoul, whatever the server's clock zone.</summary>
    public static string Time(DateTimeOffset? at) => at is { } value
        ? TimeZoneInfo.ConvertTime(value, Seoul).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
        : "–";

    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    /// <summary>Seoul's 25 districts: a district officer sees the campaigns whose district is spelled exactly so.</summary>
    public static readonly IReadOnlyList<string> SeoulDistricts =
    [
        "강남구", "강동구", "강북구", "강서구", "관악구", "광진구", "구로구", "금천구", "노원구", "도봉구", "동대문구", "동작구", "마포구",
        "서대문구", "서초구", "성동구", "성북구", "송파구", "양천구", "영등포구", "용산구", "은평구", "종로구", "중구", "중랑구",
    ];
}
