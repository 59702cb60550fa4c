namespace Moatown.Contracts.Signing;

/// <summary>
/// A verified holder withdrew their consent (철회) electronically, with its own sealed document.
/// </summary>
/// <param name="WithdrawalId">The signing service's id of this withdrawal.</param>
/// <param name="CampaignId">The campaign.</param>
/// <param name="HolderId">The holder's pseudonymous id.</param>
/// <param name="WithdrawnAt">When the holder withdrew (UTC).</param>
/// <param name="DocumentHash">"sha256:…" of the sealed withdrawal document.</param>
public sealed record ConsentWithdrawn(Guid WithdrawalId, Guid CampaignId, Guid HolderId, DateTimeOffset WithdrawnAt, string DocumentHash);
