using Moatown.Campaigns.Counting;
using Moatown.Campaigns.Model;

namespace Moatown.Campaigns.Ledger;

/// <summary>A consent or withdrawal to record, from the signing service or from a paper form.</summary>
/// <param name="At">When the holder acted: signed electronically, or dated the paper form.</param>
/// <param name="Reference">The paper form's reference, or the signing service's id of the action.</param>
/// <param name="RecordedBy">The staff member's subject, or the service that delivered the event.</param>
public sealed record LedgerRequest(
    Guid CampaignId,
    Guid HolderId,
    LedgerAction Action,
    LedgerSource Source,
    DateTimeOffset At,
    string Reference,
    string? DocumentHash,
    string RecordedBy);

public enum LedgerRefusal
{
    CampaignNotFound,
    /// <summary>A draft campaign takes no consents yet; a closed one none any more.</summary>
    CampaignNotOpen,
    HolderNotOnRoll,
    /// <summary>A withdrawal of a holder whose consent does not count now.</summary>
    NothingToWithdraw,
}

/// <summary>What recording did: a new ledger entry, the same entry again (a repeated request), or a refusal.</summary>
public sealed record LedgerOutcome(LedgerEntry? Entry, Tally? Tally, bool Repeated, LedgerRefusal? Refusal)
{
    public static LedgerOutcome Refused(LedgerRefusal refusal) => new(null, null, false, refusal);
}
