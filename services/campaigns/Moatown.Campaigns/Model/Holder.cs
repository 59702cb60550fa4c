namespace Moatown.Campaigns.Model;

/// <summary>
/// A legal person (or managing authority) on a campaign's roll, with the pseudonymous id that
/// crosses service boundaries. Found again on a re-import by a blind index of their identity,
/// so the same person keeps the same holderId across roll versions without storing who they are
/// in plain text.
/// </summary>
public sealed class Holder
{
    public Guid Id { get; init; }
    public Guid CampaignId { get; init; }
    /// <summary>Keyed HMAC of the holder's identity (HolderKey); never the identity itself.</summary>
    public required string KeyIndex { get; init; }
    public DateTimeOffset FirstSeenAt { get; init; }
    /// <summary>The latest time the person proved to identity to be this holder: the owner's status "verified".</summary>
    public DateTimeOffset? VerifiedAt { get; set; }
    /// <summary>How: "sms" or "provider:{name}".</summary>
    public string? VerificationMethod { get; set; }
}
