namespace Moatown.Contracts.Identity;

/// <summary>
/// A resident proved to be this holder of this campaign and received a signer token: the owner's
/// status "verified" for the organizer. Pseudonymous ids only.
/// </summary>
/// <param name="VerificationId">The challenge or provider session that succeeded.</param>
/// <param name="CampaignId">The campaign.</param>
/// <param name="HolderId">The holder's pseudonymous id.</param>
/// <param name="Method">"sms" (a code sent to the roll's number) or "provider:{name}" (a certificate provider).</param>
/// <param name="VerifiedAt">When (UTC).</param>
public sealed record ResidentVerified(Guid VerificationId, Guid CampaignId, Guid HolderId, string Method, DateTimeOffset VerifiedAt);
