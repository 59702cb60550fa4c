namespace Moatown.Identity.Residents;

/// <summary>
/// An append-only record of what happened at the resident door: links opened or refused, codes
/// asked for, wrong, locked or accepted, throttling. Pseudonymous ids and blind keys only.
/// </summary>
public sealed class ResidentAccessRecord
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    /// <summary>See <see cref="ResidentAccessActions"/>.</summary>
    public required string Action { get; init; }
    /// <summary>"ok" or the reason it was refused (e.g. "expired", "campaign-not-open", "wrong-code").</summary>
    public required string Outcome { get; init; }
    public Guid? CampaignId { get; init; }
    public Guid? HolderId { get; init; }
    public Guid? ChallengeId { get; init; }
    public required string ClientKey { get; init; }
}

public static class ResidentAccessActions
{
    public const string LinkOpened = "link-opened";
    public const string EntryIdentified = "entry-identified";
    public const string CodeChecked = "code-checked";
    public const string ProviderStarted = "provider-started";
    public const string ProviderReturned = "provider-returned";
    public const string ProviderRedeemed = "provider-redeemed";
}
