namespace Moatown.Contracts.Campaigns;

/// <summary>
/// A campaign's tally met both thresholds (owners and land area), having not met them before:
/// published once per crossing, not on every consent while above.
/// </summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Sequence">The consent-ledger sequence at which the thresholds were met.</param>
/// <param name="OwnersConsented">Owners consenting at that moment.</param>
/// <param name="OwnersTotal">All counted owners.</param>
/// <param name="LandAreaConsentedM2">Land area of consenting units, m².</param>
/// <param name="LandAreaTotalM2">All land in the count, m².</param>
/// <param name="ReachedAt">When (UTC).</param>
public sealed record ConsentThresholdReached(
    Guid CampaignId,
    long Sequence,
    int OwnersConsented,
    int OwnersTotal,
    decimal LandAreaConsentedM2,
    decimal LandAreaTotalM2,
    DateTimeOffset ReachedAt);
