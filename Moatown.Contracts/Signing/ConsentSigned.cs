namespace Moatown.Contracts.Signing;

/// <summary>
/// A verified holder signed a campaign's consent form electronically and the sealed document is
/// stored. Pseudonymous ids and a hash only: never who the holder is.
/// </summary>
/// <param name="ConsentId">The signing service's id of this consent; the same consent is never counted twice.</param>
/// <param name="CampaignId">The campaign.</param>
/// <param name="HolderId">The holder's pseudonymous id, as the campaigns service issued it.</param>
/// <param name="SignedAt">When the holder signed (UTC); the latest action of a holder wins.</param>
/// <param name="DocumentHash">"sha256:…" of the sealed PDF.</param>
public sealed record ConsentSigned(Guid ConsentId, Guid CampaignId, Guid HolderId, DateTimeOffset SignedAt, string DocumentHash);
