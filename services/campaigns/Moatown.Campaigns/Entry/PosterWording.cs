namespace Moatown.Campaigns.Entry;

/// <summary>
/// What the poster tells a resident, kept apart from the drawing so the wording can be reviewed on
/// its own. The organizer's contact is not stored, so help points to the organizer and the district
/// office without a number.
/// </summary>
internal static class PosterWording
{
    public const string Heading = "모아타운 주민 동의 전자서명";

    public const string StepsHeading = "참여 방법";

    public static readonly IReadOnlyList<string> Steps =
    [
        "휴대전화 카메라로 QR 코드를 찍으세요.",
        "이름, 생년월일, 휴대전화 번호를 입력하면 문자로 인증번호가 옵니다.",
        "인증번호를 입력하고 동의서를 읽은 뒤 휴대전화에서 서명하세요.",
    ];

    public const string Needs = "준비물: 본인 명의의 휴대전화 (토지등소유자 명부에 있는 소유자만 참여할 수 있습니다)";

    public const string TypeTheAddress = "QR 코드를 찍을 수 없으면 아래 주소를 직접 입력하세요.";

    public const string Help = "도움이 필요하시면 추진위원회나 구청 담당 부서에 문의하세요.";

    public static string Area(string areaName, string district) => $"{district} · {areaName}";
}
