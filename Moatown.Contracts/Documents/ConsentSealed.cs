namespace Moatown.Contracts.Documents;

/// <summary>
/// A submitted consent or withdrawal is sealed (PAdES, RFC 3161 time-stamp) and stored encrypted in
/// the vault. Ids, a hash and times only.
/// </summary>
/// <param name="ConsentId">The signing service's id of the submission.</param>
/// <param name="Kind">"consent" or "withdrawal".</param>
/// <param name="DocumentId">The sealed document in the vault.</param>
/// <param name="DocumentHash">"sha256:…" of the sealed PDF.</param>
/// <param name="TimestampedAt">The time in the TSA's time-stamp token: the legal time of the signature.</param>
public sealed record ConsentSealed(Guid ConsentId, Guid CampaignId, Guid HolderId, string Kind, Guid DocumentId, string DocumentHash,
    DateTimeOffset TimestampedAt);
