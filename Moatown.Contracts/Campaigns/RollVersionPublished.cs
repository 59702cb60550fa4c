namespace Moatown.Contracts.Campaigns;

/// <summary>
/// A new owner roll version was accepted for a campaign. Counts only: no names, no lot numbers.
/// </summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="RollVersion">"sha256:…" of the roll's canonical content.</param>
/// <param name="Properties">Land parcels, buildings and superficies rights on the roll.</param>
/// <param name="Holders">Distinct legal persons (and managing authorities) on the roll.</param>
/// <param name="PublishedAt">When the version was accepted (UTC).</param>
public sealed record RollVersionPublished(Guid CampaignId, string RollVersion, int Properties, int Holders, DateTimeOffset PublishedAt);
