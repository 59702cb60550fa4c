namespace Moatown.Notifications.Extensions;

/// <summary>
/// One policy per endpoint. Provider admins what notifications knows of a campaign; organizers the
/// delivery status of their own campaigns (the organizer comes with <c>CampaignCreated</c>), checked
/// per campaign by the endpoint. Provider admins do not see who was texted (that is personal data).
/// </summary>
internal static class NotificationPolicies
{
    /// <summary>Read what notifications knows of a campaign.</summary>
    public const string Read = "notifications:read";

    /// <summary>Read the local sink's messages in full (decrypted text): Development and tests only.</summary>
    public const string ReadSink = "notifications:read-sink";

    /// <summary>Read each owner's delivery status (no text, masked number): organizers, for their own campaigns.</summary>
    public const string ReadDeliveryStatus = "notifications:read-delivery-status";
}
