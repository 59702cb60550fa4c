using Moatown.Campaigns.Registry;

namespace Moatown.Campaigns.Counting;

/// <summary>
/// The rule set and thresholds a campaign counts by (counting-rules.md). A campaign stores its
/// own copy, so that a later change of law is a new rule set and never an edit of past tallies.
/// </summary>
public sealed record CountingRules
{
    public const string Decree33 = "decree-33-2024";

    /// <summary>A Moatown residents' proposal: owners ≥ 3/5 and land area ≥ 1/2 (rule 18).</summary>
    public static CountingRules Default { get; } = new();

    public string RuleSet { get; init; } = Decree33;

    /// <summary>A rate equal to the threshold meets it.</summary>
    public Fraction OwnerThreshold { get; init; } = new(3, 5);

    public Fraction LandAreaThreshold { get; init; } = new(1, 2);

    /// <summary>How a group without a representative consents (rule 10).</summary>
    public GroupConsentRule GroupWithoutRepresentative { get; init; } = GroupConsentRule.MajorityOfShares;

    /// <summary>Rule 13's option: leave public land out of the area (numerator and denominator).</summary>
    public bool ExcludePublicLandFromArea { get; init; }
}

public enum GroupConsentRule
{
    /// <summary>On every property, consenting holders have more than 1/2 of the shares.</summary>
    MajorityOfShares,

    /// <summary>Every holder of every property consents.</summary>
    AllHolders,
}
