namespace Moatown.Contracts.Campaigns;

/// <summary>
/// A campaign was opened for consent: from now on owners can sign, and its counting rules and
/// consent form are fixed. Ids and the district only: never personal data of owners or staff.
/// </summary>
/// <param name="CampaignId">Pseudonymous, stable id of the campaign.</param>
/// <param name="District">The 자치구 of the campaign's area (e.g. "중랑구"), whose district office reviews it.</param>
/// <param name="OpenedAt">When the campaign was opened (UTC).</param>
public sealed record CampaignOpened(Guid CampaignId, string District, DateTimeOffset OpenedAt);
