namespace Moatown.Contracts.Campaigns;

/// <summary>
/// A campaign's tally changed: a consent, withdrawal or new roll version moved the owner count or
/// the land area. Counts only; the rates are exact fractions of the counts given.
/// </summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Sequence">The campaign's consent-ledger sequence the tally includes (1, 2, 3…; 0 before any action).</param>
/// <param name="RollVersion">"sha256:…" of the roll the tally counts.</param>
/// <param name="OwnersConsented">Owners consenting now (counting-rules.md, rules 3–12).</param>
/// <param name="OwnersTotal">All counted owners.</param>
/// <param name="LandAreaConsentedM2">Land area of consenting units, m².</param>
/// <param name="LandAreaTotalM2">All land in the count, m².</param>
/// <param name="ThresholdMet">Both thresholds of the campaign met.</param>
/// <param name="ChangedAt">When the change was recorded (UTC).</param>
public sealed record ConsentRateChanged(
    Guid CampaignId,
    long Sequence,
    string RollVersion,
    int OwnersConsented,
    int OwnersTotal,
    decimal LandAreaConsentedM2,
    decimal LandAreaTotalM2,
    bool ThresholdMet,
    DateTimeOffset ChangedAt);
