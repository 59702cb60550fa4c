using Moatown.Campaigns.Counting;
using Moatown.Campaigns.Model;

namespace Moatown.Campaigns.Apis;

/// <summary>How enum values are spelled in the API, independent of their C# names.</summary>
internal static class WireNames
{
    public static string Of(CampaignStatus status) => status switch
    {
        CampaignStatus.Draft => "draft",
        CampaignStatus.Open => "open",
        CampaignStatus.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Of(GroupConsentRule rule) => rule switch
    {
        GroupConsentRule.MajorityOfShares => "majority-of-shares",
        GroupConsentRule.AllHolders => "all-holders",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    public static IReadOnlyList<string> GroupRules { get; } = [.. Enum.GetValues<GroupConsentRule>().Select(Of)];

    public static bool TryParseGroupRule(string name, out GroupConsentRule rule)
    {
        foreach (var candidate in Enum.GetValues<GroupConsentRule>())
        {
            if (Of(candidate) == name)
            {
                rule = candidate;
                return true;
            }
        }
        rule = default;
        return false;
    }
}
