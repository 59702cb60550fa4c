namespace Moatown.Identity.Residents;

/// <summary>
/// Why the resident door said no: an HTTP status for the API, a reason code for clients, and a
/// plain Korean sentence that tells the resident what to do next.
/// </summary>
public sealed record ResidentRefusal(int Status, string Reason, string Title, string ResidentMessage, TimeSpan? RetryAfter = null)
{
    public static ResidentRefusal LinkUnknown { get; } = new(StatusCodes.Status404NotFound, "unknown", "Personal link not found",
        "이 링크는 확인되지 않습니다. 문자에 있는 링크를 다시 눌러 주시거나, 추진위원회에 새 링크를 요청해 주세요.");

    public static ResidentRefusal LinkExpired { get; } = new(StatusCodes.Status410Gone, "expired", "Personal link expired",
        "링크의 사용 기간이 지났습니다. 추진위원회에 새 링크를 요청해 주세요.");

    public static ResidentRefusal LinkReplaced { get; } = new(StatusCodes.Status410Gone, "replaced", "Personal link replaced",
        "더 새로운 링크가 발송되어 이 링크는 사용할 수 없습니다. 가장 최근에 받은 문자의 링크를 눌러 주세요.");

    public static ResidentRefusal CampaignNotOpen { get; } = new(StatusCodes.Status410Gone, "campaign-not-open", "Campaign not open",
        "지금은 이 동의서에 서명할 수 없습니다(접수 기간이 아닙니다). 추진위원회에 문의해 주세요.");

    public static ResidentRefusal CampaignUnknown { get; } = new(StatusCodes.Status404NotFound, "campaign-unknown", "Campaign not found",
        "이 QR 코드의 동의서를 찾을 수 없습니다. 안내문의 QR 코드를 다시 찍어 주세요.");

    public static ResidentRefusal NoPhoneOnRoll { get; } = new(StatusCodes.Status409Conflict, "no-phone-on-roll", "No phone number on the roll",
        "명부에 휴대전화 번호가 없어 문자로 인증할 수 없습니다. 본인인증(인증서)으로 확인하시거나 종이 동의서를 이용해 주세요.");

    public static ResidentRefusal ChallengeUnknown { get; } = new(StatusCodes.Status404NotFound, "challenge-unknown", "Verification not found",
        "인증 요청을 찾을 수 없습니다. 처음부터 다시 인증번호를 요청해 주세요.");

    public static ResidentRefusal CodeExpired { get; } = new(StatusCodes.Status410Gone, "code-expired", "Code expired",
        "인증번호의 입력 시간(3분)이 지났습니다. 인증번호를 다시 요청해 주세요.");

    public static ResidentRefusal CodeUsed { get; } = new(StatusCodes.Status409Conflict, "code-used", "Code already used",
        "이미 사용한 인증번호입니다. 다시 인증하려면 인증번호를 새로 요청해 주세요.");

    public static ResidentRefusal WrongCode(int attemptsLeft) => new(StatusCodes.Status400BadRequest, "wrong-code", "Wrong code",
        $"인증번호가 맞지 않습니다. {attemptsLeft}번 더 입력할 수 있습니다. 문자로 받은 6자리 숫자를 확인해 주세요.");

    public static ResidentRefusal Locked(TimeSpan retryAfter) => new(StatusCodes.Status429TooManyRequests, "locked", "Verification locked",
        $"인증번호를 여러 번 잘못 입력하여 잠시 잠겼습니다. {Minutes(retryAfter)}분 뒤에 인증번호를 다시 요청해 주세요.", retryAfter);

    public static ResidentRefusal Throttled(TimeSpan retryAfter) => new(StatusCodes.Status429TooManyRequests, "throttled", "Too many requests",
        $"인증 요청이 너무 많습니다. {Minutes(retryAfter)}분 뒤에 다시 시도해 주세요.", retryAfter);

    public static ResidentRefusal Ambiguous { get; } = new(StatusCodes.Status409Conflict, "ambiguous", "Cannot tell holders apart",
        "같은 이름과 생년월일의 소유자가 있어 온라인으로 확인할 수 없습니다. 추진위원회에 문의하시거나 종이 동의서를 이용해 주세요.");

    public static ResidentRefusal NotOnRoll { get; } = new(StatusCodes.Status404NotFound, "not-on-roll", "Not on the roll",
        "인증서의 이름과 생년월일이 이 동의서의 소유자 명부에서 확인되지 않습니다. 추진위원회에 문의해 주세요.");

    public static ResidentRefusal ProviderUnavailable { get; } = new(StatusCodes.Status404NotFound, "provider-unavailable", "No certificate provider",
        "지금은 인증서로 본인확인을 할 수 없습니다. 문자 인증을 이용하시거나 추진위원회에 문의해 주세요.");

    public static ResidentRefusal ProviderSessionUnknown { get; } = new(StatusCodes.Status404NotFound, "verification-unknown", "Verification not found",
        "본인확인 요청을 찾을 수 없거나 시간이 지났습니다. 처음부터 다시 시도해 주세요.");

    public static ResidentRefusal ProviderPending { get; } = new(StatusCodes.Status409Conflict, "pending", "Verification not finished",
        "인증서 본인확인이 아직 끝나지 않았습니다. 인증서 화면에서 인증을 마쳐 주세요.");

    public static ResidentRefusal ProviderCancelled { get; } = new(StatusCodes.Status409Conflict, "cancelled", "Verification cancelled",
        "본인확인을 취소하셨습니다. 다시 시도하시려면 처음부터 시작해 주세요.");

    public static ResidentRefusal ProviderFailed { get; } = new(StatusCodes.Status502BadGateway, "provider-failed", "Certificate provider failed",
        "인증서 기관과 연결하지 못했습니다. 잠시 뒤에 다시 시도하시거나 문자 인증을 이용해 주세요.");

    public static ResidentRefusal ProviderOutcome(string outcome) => outcome switch
    {
        "cancelled" => ProviderCancelled,
        "not-on-roll" => NotOnRoll,
        "ambiguous" => Ambiguous,
        "campaign-not-open" => CampaignNotOpen,
        "campaign-unknown" => CampaignUnknown,
        _ => ProviderFailed,
    };

    public static ResidentRefusal LinkRefusal(string reason) => reason switch
    {
        "expired" => LinkExpired,
        "replaced" => LinkReplaced,
        "campaign-not-open" => CampaignNotOpen,
        _ => LinkUnknown,
    };

    private static int Minutes(TimeSpan span) => Math.Max(1, (int)Math.Ceiling(span.TotalMinutes));
}
