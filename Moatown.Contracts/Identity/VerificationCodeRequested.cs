namespace Moatown.Contracts.Identity;

/// <summary>
/// A resident asked to prove who they are: a one-time code must go by text message to the phone
/// number on the campaign's roll for this holder. The code travels only sealed (AES-GCM under a
/// key that the identity and notifications services alone hold, bound to the challenge id), so
/// the broker, its logs and any other subscriber never see it; the phone number does not travel at all.
/// </summary>
/// <param name="ChallengeId">The verification challenge; the message is sent once per challenge.</param>
/// <param name="CampaignId">The campaign whose roll gives the phone number.</param>
/// <param name="HolderId">The holder's pseudonymous id.</param>
/// <param name="SealedCode">The code, sealed for the notifications service.</param>
/// <param name="ExpiresAt">When the code stops working (UTC): a message that could only arrive later is not sent.</param>
public sealed record VerificationCodeRequested(Guid ChallengeId, Guid CampaignId, Guid HolderId, string SealedCode, DateTimeOffset ExpiresAt);
