using System.Text.Json.Serialization;
using Moatown.Campaigns.Registry;

namespace Moatown.Campaigns.Counting;

/// <summary>
/// The consent rate of a campaign at a moment: the contract of counting-rules.md for dashboards
/// and city systems. Serializes (camelCase) to the documented shape; exact rates travel beside it
/// as fractions for anyone who must compare, since the decimals are for display only.
/// </summary>
public sealed record Tally(
    Guid CampaignId,
    string RollVersion,
    string RuleSet,
    OwnerTally Owners,
    LandAreaTally LandArea,
    // Ordered after ThresholdMet, as in the contract.
    [property: JsonPropertyOrder(1)] ConsentsBySource BySource,
    [property: JsonPropertyOrder(1)] int Withdrawals,
    [property: JsonPropertyOrder(1)] DateTimeOffset AsOf)
{
    /// <summary>Both thresholds met (rule 18).</summary>
    public bool ThresholdMet => Owners.Met && LandArea.Met;
}

/// <summary>Owners consenting now over all owners (rules 3–12).</summary>
public sealed record OwnerTally(int Consented, int Total, [property: JsonIgnore] Fraction ExactThreshold)
{
    /// <summary>0 when there are no owners.</summary>
    [JsonIgnore]
    public Fraction ExactRate => Total == 0 ? Fraction.Zero : new Fraction(Consented, Total);

    /// <summary>For display, truncated to 6 decimals (<see cref="Met"/> never uses it).</summary>
    public decimal Rate => Display.Truncate(ExactRate, 6);

    public decimal Threshold => Display.Truncate(ExactThreshold, 6);

    /// <summary>A rate equal to the threshold meets it; nothing is met with no owners.</summary>
    public bool Met => Total > 0 && ExactRate >= ExactThreshold;
}

/// <summary>Land area of consenting units over all land (rules 13–14), in m².</summary>
public sealed record LandAreaTally(decimal ConsentedM2, decimal TotalM2, [property: JsonIgnore] Fraction ExactThreshold, [property: JsonPropertyOrder(1)] bool PublicLandExcluded)
{
    public decimal ConsentedM2 { get; } = Display.Normalize(ConsentedM2);
    public decimal TotalM2 { get; } = Display.Normalize(TotalM2);

    [JsonIgnore]
    public Fraction ExactRate => TotalM2 == 0 ? Fraction.Zero : Fraction.FromDecimal(ConsentedM2) / Fraction.FromDecimal(TotalM2);

    public decimal Rate => Display.Truncate(ExactRate, 6);

    public decimal Threshold => Display.Truncate(ExactThreshold, 6);

    public bool Met => TotalM2 > 0 && ExactRate >= ExactThreshold;
}

/// <summary>
/// Consenting owners by the source that makes them consent; the three add up to
/// <see cref="OwnerTally.Consented"/> (a person who signed on paper and electronically is one owner, rule 17).
/// </summary>
public sealed record ConsentsBySource(int Electronic, int Paper, int Deemed);
