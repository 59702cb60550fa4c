namespace Moatown.Notifications.Extensions;

/// <summary>
/// One policy per endpoint. Provider admins only for now, because notifications does not yet know
/// which organizer owns a campaign and must not show one organizer another's.
/// </summary>
internal static class NotificationPolicies
{
    /// <summary>Read what notifications knows of a campaign.</summary>
    public const string Read = "notifications:read";

    /// <summary>Read the local sink's messages in full (decrypted text): Development and tests only.</summary>
    public const string ReadSink = "notifications:read-sink";

    /// <summary>Read each owner's delivery status (no text, masked number).</summary>
    public const string ReadDeliveryStatus = "notifications:read-delivery-status";
}
