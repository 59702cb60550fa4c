namespace Moatown.Contracts.Campaigns;

/// <summary>
/// A campaign was closed: no further consents or withdrawals are accepted, and its tally is final.
/// Ids and the district only: never personal data of owners or staff.
/// </summary>
/// <param name="CampaignId">Pseudonymous, stable id of the campaign.</param>
/// <param name="District">The 자치구 of the campaign's area (e.g. "중랑구"), whose district office reviews it.</param>
/// <param name="ClosedAt">When the campaign was closed (UTC).</param>
public sealed record CampaignClosed(Guid CampaignId, string District, DateTimeOffset ClosedAt);
