namespace Moatown.Identity.Residents;

/// <summary>
/// One text-message code sent (or, for unmatched entry-page details, pretended to be sent) to
/// prove who a resident is. The code is kept only as a keyed hash; the phone number not at all,
/// only a blind key of it for throttling.
/// </summary>
public sealed class VerificationChallenge
{
    public Guid Id { get; init; }
    public Guid CampaignId { get; init; }
    /// <summary>Null for a decoy: entry-page details that matched nobody get a challenge no code opens.</summary>
    public Guid? HolderId { get; init; }
    public required string Route { get; init; }
    public Guid? InvitationId { get; init; }
    public required string CodeHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? LockedAt { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    /// <summary>Blind key of the number the code goes to (or that the visitor typed).</summary>
    public string? PhoneKey { get; init; }
    /// <summary>Blind key of the client's address.</summary>
    public required string ClientKey { get; init; }
}

public static class ChallengeRoutes
{
    /// <summary>Started from a personal link.</summary>
    public const string Link = "link";
    /// <summary>Started from the campaign's QR entry page with name, birth date and phone.</summary>
    public const string Entry = "entry";
}
