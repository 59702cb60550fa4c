using System.Diagnostics.CodeAnalysis;
using Moatown.Notifications.Model;

namespace Moatown.Notifications.Templates;

/// <summary>
/// Every message text notifications can send, in code so a change is reviewed and versioned with
/// the code that fills it in. Texts start with the sender's name in brackets, as Korean carriers
/// expect of application messages, and tell the resident not to pass the link or code on.
/// </summary>
public static class MessageTemplates
{
    public static readonly MessageTemplate InvitationV1 = new("invitation", 1, MessagePurposes.Invitation,
        "[모아타운 전자동의] {campaignName} 주민제안 동의서 작성을 요청드립니다. 본인 전용 링크이니 다른 사람에게 전달하지 마세요. {link}");

    public static readonly MessageTemplate ReminderV1 = new("reminder", 1, MessagePurposes.Reminder,
        "[모아타운 전자동의] {campaignName} 동의서를 아직 제출하지 않으셨습니다. 참여를 원하시면 본인 전용 링크를 눌러 주세요. {link}");

    // Kept within one SMS (82 of 90 bytes with a 6-digit code): a code must arrive fast and cheaply.
    public static readonly MessageTemplate VerificationCodeV1 = new("verification-code", 1, MessagePurposes.VerificationCode,
        "[모아타운] 인증번호 [{code}]를 {minutes}분 안에 입력해 주세요. 누구에게도 알려주지 마세요.");

    // The last line is the origin-bound one-time code format ("@host #code", WICG sms-one-time-codes):
    // phones offer the code for autofill only on that site's autocomplete="one-time-code" field, so a
    // look-alike site gets nothing. One SMS (90 bytes) while the host has at most 15 characters.
    public static readonly MessageTemplate VerificationCodeV2 = new("verification-code", 2, MessagePurposes.VerificationCode,
        "[모아타운] 인증번호 [{code}] {minutes}분 안에 입력. 남에게 알리지 마세요.\n@{host} #{code}");

    private static readonly Dictionary<string, MessageTemplate> ByKey =
        new[] { InvitationV1, ReminderV1, VerificationCodeV1, VerificationCodeV2 }.ToDictionary(t => t.Key, StringComparer.Ordinal);

    public static IReadOnlyCollection<MessageTemplate> All => ByKey.Values;

    /// <param name="key">"invitation.v1", "reminder.v1", "verification-code.v1", "verification-code.v2".</param>
    public static bool TryFind(string key, [NotNullWhen(true)] out MessageTemplate? template) =>
        ByKey.TryGetValue(key, out template);
}
