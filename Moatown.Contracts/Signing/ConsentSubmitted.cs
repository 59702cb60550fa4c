namespace Moatown.Contracts.Signing;

/// <summary>
/// A verified holder submitted a signature (or a withdrawal) and it waits to be sealed. Ids only: the
/// documents service fetches the signature and the evidence from the signing service when it seals,
/// since they are personal data.
/// </summary>
/// <param name="ConsentId">The signing service's id of the submission.</param>
/// <param name="Kind">"consent" or "withdrawal".</param>
public sealed record ConsentSubmitted(Guid ConsentId, Guid CampaignId, Guid HolderId, string Kind, DateTimeOffset SubmittedAt);
