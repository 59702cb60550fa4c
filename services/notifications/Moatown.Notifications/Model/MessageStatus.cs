namespace Moatown.Notifications.Model;

/// <summary>Queued → sent → delivered, or failed (after the last attempt, or as the provider reports).</summary>
public enum MessageStatus
{
    Queued,
    Sent,
    Delivered,
    Failed,
}
