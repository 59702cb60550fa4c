namespace Moatown.Campaigns.Model;

/// <summary>
/// A personal link sent to one holder: its token is unguessable, expires, and is stored only as
/// its hash (to find the invitation when the link is opened) and encrypted (so the message that
/// carries it can be written when it is sent). A new invitation of the same holder revokes the
/// earlier ones: a resent link replaces the old one.
/// </summary>
public sealed class Invitation
{
    public Guid Id { get; init; }
    public Guid CampaignId { get; init; }
    public Guid HolderId { get; init; }
    public InvitationKind Kind { get; init; }
    /// <summary>SHA-256 of the token, hex: the token has 256 random bits, so no key is needed.</summary>
    public required string TokenHash { get; init; }
    public required string TokenProtected { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public required string IssuedBy { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>When the link was first opened (resolved by identity): the owner's status "opened".</summary>
    public DateTimeOffset? OpenedAt { get; set; }

    public InvitationStatus StatusAt(DateTimeOffset now) =>
        RevokedAt is not null ? InvitationStatus.Replaced : now >= ExpiresAt ? InvitationStatus.Expired : InvitationStatus.Active;
}

public enum InvitationKind
{
    Invitation,
    /// <summary>Sent again to a holder who has not consented yet.</summary>
    Reminder,
}

public enum InvitationStatus
{
    Active,
    Expired,
    /// <summary>A newer invitation of the same holder took its place.</summary>
    Replaced,
}
