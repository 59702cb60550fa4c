namespace Moatown.Contracts.Campaigns;

/// <summary>
/// A holder was given a new personal link (an invitation or a reminder). Ids only: the phone
/// number and the link are personal data and a secret, which the sender obtains from the
/// campaigns service at the moment it sends.
/// </summary>
/// <param name="InvitationId">The invitation; a newer one of the same holder replaces it.</param>
/// <param name="CampaignId">The campaign.</param>
/// <param name="HolderId">The holder's pseudonymous id.</param>
/// <param name="Kind">"invitation" or "reminder".</param>
/// <param name="ExpiresAt">When the link stops working (UTC).</param>
public sealed record InvitationIssued(Guid InvitationId, Guid CampaignId, Guid HolderId, string Kind, DateTimeOffset ExpiresAt);
