namespace Moatown.Notifications.Model;

/// <summary>Why a message is sent; organizers see it beside each owner's delivery status.</summary>
public static class MessagePurposes
{
    public const string Invitation = "invitation";
    public const string Reminder = "reminder";
    public const string VerificationCode = "verification-code";
}
