namespace Moatown.Contracts.Campaigns;

/// <summary>
/// A campaign was created in the registry. Carries ids and the campaign's public name only:
/// never personal data of owners or staff.
/// </summary>
/// <param name="CampaignId">Pseudonymous, stable id of the campaign.</param>
/// <param name="Name">The campaign's public name, as shown on invitations.</param>
/// <param name="CreatedAt">When the campaign was created (UTC).</param>
/// <param name="Organizer">The staff account (token subject) that organizes it; null from versions that did not say.</param>
/// <param name="District">The 자치구 of the campaign's area as created (it may change while a draft; <see cref="CampaignOpened"/> carries the final one); null from versions that did not say.</param>
public sealed record CampaignCreated(Guid CampaignId, string Name, DateTimeOffset CreatedAt, string? Organizer = null, string? District = null);
