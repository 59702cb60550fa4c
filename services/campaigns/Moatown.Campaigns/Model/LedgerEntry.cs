namespace Moatown.Campaigns.Model;

/// <summary>
/// One consent or withdrawal in a campaign's consent ledger: append-only, never updated. The
/// tally is the ledger replayed over the current roll (latest action of each holder wins).
/// </summary>
public sealed class LedgerEntry
{
    public long Id { get; init; }
    public Guid CampaignId { get; init; }
    /// <summary>1, 2, 3… per campaign, without gaps, in commit order.</summary>
    public long Sequence { get; init; }
    public Guid HolderId { get; init; }
    public LedgerAction Action { get; init; }
    public LedgerSource Source { get; init; }
    /// <summary>When the owner acted (signed, or dated the paper form): latest wins.</summary>
    public DateTimeOffset At { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    /// <summary>Subject of the staff member, or the service, that recorded it.</summary>
    public required string RecordedBy { get; init; }
    /// <summary>
    /// The paper form's reference (scan id, filing number), the signing service's consent id,
    /// or for a deemed consent the roll version that transferred it.
    /// </summary>
    public required string Reference { get; init; }
    /// <summary>"sha256:…" of the sealed document, for electronic actions.</summary>
    public string? DocumentHash { get; init; }
}

public enum LedgerAction
{
    Consent,
    Withdrawal,
}

public enum LedgerSource
{
    Electronic,
    Paper,
    /// <summary>Rule 16: a new holder of a unit whose replaced holders all consented.</summary>
    Deemed,
}
