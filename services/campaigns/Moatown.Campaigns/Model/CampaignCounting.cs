using Moatown.Campaigns.Counting;
using Moatown.Campaigns.Registry;

namespace Moatown.Campaigns.Model;

/// <summary>
/// The rule set and thresholds a campaign stores as its own (counting-rules.md): a later change
/// of law is a new rule set, not an edit of history.
/// </summary>
/// <param name="OwnerThreshold">Exact, e.g. 0.6; a rate equal to it meets it.</param>
/// <param name="LandAreaThreshold">Exact, e.g. 0.5.</param>
public sealed record CampaignCounting(
    string RuleSet,
    decimal OwnerThreshold,
    decimal LandAreaThreshold,
    GroupConsentRule GroupRule,
    bool ExcludePublicLandFromArea)
{
    public static CampaignCounting Default { get; } = new(
        CountingRules.Decree33, 0.6m, 0.5m, GroupConsentRule.MajorityOfShares, ExcludePublicLandFromArea: false);

    /// <summary>The rule sets this service can count by.</summary>
    public static IReadOnlySet<string> KnownRuleSets { get; } = new HashSet<string>(StringComparer.Ordinal) { CountingRules.Decree33 };

    public CountingRules ToRules() => new()
    {
        RuleSet = RuleSet,
        OwnerThreshold = Fraction.FromDecimal(OwnerThreshold),
        LandAreaThreshold = Fraction.FromDecimal(LandAreaThreshold),
        GroupWithoutRepresentative = GroupRule,
        ExcludePublicLandFromArea = ExcludePublicLandFromArea,
    };
}
