namespace Moatown.Web.Residents;

/// <summary>
/// Every refusal as a notice that says what to do next. The services word it in Korean
/// (<c>residentMessage</c>); the English switch gets the same advice by reason.
/// </summary>
internal static class ResidentMessages
{
    private static readonly Dictionary<string, (string Korean, string English)> ByReason = new(StringComparer.Ordinal)
    {
        ["unknown"] = ("이 링크는 확인되지 않습니다. 문자에 있는 링크를 다시 눌러 주시거나, 추진위원회에 새 링크를 요청해 주세요.",
            "This link is not recognised. Tap the link in your text message again, or ask the campaign office for a new one."),
        ["expired"] = ("링크의 사용 기간이 지났습니다. 추진위원회에 새 링크를 요청해 주세요.",
            "This link has expired. Ask the campaign office for a new one."),
        ["replaced"] = ("더 새로운 링크가 발송되어 이 링크는 사용할 수 없습니다. 가장 최근에 받은 문자의 링크를 눌러 주세요.",
            "A newer link was sent, so this one no longer works. Tap the link in the most recent text message."),
        ["campaign-not-open"] = ("지금은 이 동의서에 서명할 수 없습니다(접수 기간이 아닙니다). 추진위원회에 문의해 주세요.",
            "This consent cannot be signed now (it is not open). Please contact the campaign office."),
        ["campaign-unknown"] = ("이 QR 코드의 동의서를 찾을 수 없습니다. 안내문의 QR 코드를 다시 찍어 주세요.",
            "The consent of this QR code was not found. Scan the QR code on the notice again."),
        ["no-phone-on-roll"] = ("명부에 휴대전화 번호가 없어 문자로 인증할 수 없습니다. 본인인증(인증서)으로 확인하시거나 종이 동의서를 이용해 주세요.",
            "There is no mobile number on the roll, so no code can be sent. Verify with a certificate below, or sign on paper."),
        ["challenge-unknown"] = ("인증 요청을 찾을 수 없습니다. 처음부터 다시 인증번호를 요청해 주세요.",
            "This verification was not found. Ask for a new code from the start."),
        ["code-expired"] = ("인증번호의 입력 시간(3분)이 지났습니다. 인증번호를 다시 요청해 주세요.",
            "The code's 3 minutes have passed. Ask for a new code."),
        ["code-used"] = ("이미 사용한 인증번호입니다. 다시 인증하려면 인증번호를 새로 요청해 주세요.",
            "This code was already used. Ask for a new code to verify again."),
        ["wrong-code"] = ("인증번호가 맞지 않습니다. 문자로 받은 6자리 숫자를 확인해 주세요.",
            "That code is not right. Check the 6 digits in the text message."),
        ["locked"] = ("인증번호를 여러 번 잘못 입력하여 잠시 잠겼습니다. 15분 뒤에 인증번호를 다시 요청해 주세요.",
            "Too many wrong codes: verification is locked for a while. Ask for a new code in 15 minutes."),
        ["throttled"] = ("인증 요청이 너무 많습니다. 잠시 뒤에 다시 시도해 주세요.",
            "Too many requests. Please try again in a few minutes."),
        ["ambiguous"] = ("같은 이름과 생년월일의 소유자가 있어 온라인으로 확인할 수 없습니다. 추진위원회에 문의하시거나 종이 동의서를 이용해 주세요.",
            "Another owner has the same name and birth date, so you cannot be told apart online. Contact the campaign office or sign on paper."),
        ["not-on-roll"] = ("인증서의 이름과 생년월일이 이 동의서의 소유자 명부에서 확인되지 않습니다. 추진위원회에 문의해 주세요.",
            "The certificate's name and birth date are not on this campaign's roll. Please contact the campaign office."),
        ["provider-unavailable"] = ("지금은 인증서로 본인확인을 할 수 없습니다. 문자 인증을 이용하시거나 추진위원회에 문의해 주세요.",
            "Certificate verification is not available now. Use the text-message code or contact the campaign office."),
        ["verification-unknown"] = ("본인확인 요청을 찾을 수 없거나 시간이 지났습니다. 처음부터 다시 시도해 주세요.",
            "The verification was not found or has expired. Please start again."),
        ["pending"] = ("인증서 본인확인이 아직 끝나지 않았습니다. 인증서 화면에서 인증을 마쳐 주세요.",
            "The certificate verification is not finished. Finish it on the certificate page."),
        ["cancelled"] = ("본인확인을 취소하셨습니다. 다시 시도하시려면 처음부터 시작해 주세요.",
            "You cancelled the verification. Start again to try once more."),
        ["provider-failed"] = ("인증서 기관과 연결하지 못했습니다. 잠시 뒤에 다시 시도하시거나 문자 인증을 이용해 주세요.",
            "The certificate provider could not be reached. Try again later or use the text-message code."),
        ["form-not-reviewed"] = ("동의서가 바뀌었거나 아직 열지 않았습니다. 동의서를 다시 읽고 서명해 주세요.",
            "The form changed or was not opened yet. Please read it again and sign."),
        ["not-every-item-agreed"] = ("동의서의 모든 항목에 하나씩 동의해야 서명할 수 있습니다. 빠진 항목을 확인해 주세요.",
            "Agree to every item of the form to sign. Check the items not yet ticked."),
        ["verification-not-fresh"] = ("동의를 철회하려면 본인확인을 다시 해 주세요. 아래 버튼으로 인증번호를 새로 받아 입력하시면 됩니다.",
            "To withdraw, verify again: get a new code with the button below and type it."),
        ["nothing-to-withdraw"] = ("철회할 전자 동의가 없습니다. 종이로 동의하셨다면 추진위원회에 철회서를 내 주세요.",
            "There is no electronic consent to withdraw. If you consented on paper, hand a withdrawal to the campaign office."),
        ["not-signable"] = ("지금은 이 동의서에 서명할 수 없습니다(접수 기간이 아니거나 명부에 없습니다). 추진위원회에 문의해 주세요.",
            "This form cannot be signed now (not open, or you are not on the roll). Please contact the campaign office."),
        ["sealing"] = ("서명한 동의서를 봉인하는 중입니다. 잠시 뒤에 다시 받아 주세요.",
            "Your signed form is being sealed. Please download it again in a moment."),
        ["unreachable"] = ("서비스에 연결하지 못했습니다. 입력한 내용은 저장되지 않았을 수 있습니다. 잠시 뒤에 다시 시도해 주세요.",
            "The service could not be reached; what you entered may not be saved. Please try again in a moment."),
        ["session-expired"] = ("본인확인 시간이 지났습니다. 문자로 받은 링크를 다시 누르거나 안내문의 QR 코드를 찍어 다시 인증해 주세요.",
            "Your verification has run out. Tap the link in your text message again or scan the notice's QR code to verify again."),
        ["signature-missing"] = ("서명이 비어 있습니다. 서명란에 손가락이나 마우스로 이름을 쓰시거나, '이름을 입력해 서명하기' 칸에 이름을 입력해 주세요.",
            "The signature is empty. Write your name in the box with your finger or mouse, or type your name in the typed-signature field."),
        ["confirm-missing"] = ("철회하려면 '동의를 철회합니다'에 표시해 주세요.",
            "Tick 'I withdraw my consent' to withdraw."),
    };

    /// <summary>A notice for a refusal: the service's Korean words when it gave them, the advice by reason otherwise.</summary>
    public static ResidentNotice For(ApiProblem problem)
    {
        var known = problem.Reason is { } reason && ByReason.TryGetValue(reason, out var words) ? words : ((string, string)?)null;
        var korean = problem.Message ?? known?.Item1
            ?? (problem.Errors.Count > 0 ? string.Join(" ", problem.Errors.Values.SelectMany(e => e)) : null)
            ?? ByReason["unreachable"].Korean;
        var english = known?.Item2 ?? (problem.Errors.Count > 0 ? "Please check what you entered." : ByReason["unreachable"].English);
        if (problem.Reason == "wrong-code" && AttemptsLeft(problem) is { } left)
        {
            english = $"That code is not right. You can try {left} more time{(left == 1 ? "" : "s")}. Check the 6 digits in the text message.";
        }
        return new ResidentNotice("error", problem.Reason, korean, english);
    }

    public static ResidentNotice For(string reason) =>
        new("error", reason, ByReason[reason].Korean, ByReason[reason].English);

    /// <summary>The attempts left, as identity words them ("…5번 더 입력할 수 있습니다…").</summary>
    public static int? AttemptsLeft(ApiProblem problem)
    {
        if (problem.Reason != "wrong-code" || problem.Message is not { } message)
        {
            return null;
        }
        var at = message.IndexOf("번 더", StringComparison.Ordinal);
        var start = at;
        while (start > 0 && char.IsDigit(message[start - 1]))
        {
            start--;
        }
        return at > start && int.TryParse(message.AsSpan(start, at - start), out var left) ? left : null;
    }
}
