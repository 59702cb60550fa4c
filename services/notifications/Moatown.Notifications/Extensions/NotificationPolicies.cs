namespace Moatown.Notifications.Extensions;

internal static class NotificationPolicies
{
    /// <summary>
    /// Read what notifications knows: provider admins only for now, because notifications does not
    /// yet know which organizer owns a campaign and must not show one organizer another's.
    /// </summary>
    public const string Read = "notifications:read";
}
