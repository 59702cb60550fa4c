namespace Moatown.Campaigns.Extensions;

internal static class CampaignPolicies
{
    /// <summary>Create and read campaigns: organizers (their own) and provider admins (all).</summary>
    public const string Manage = "campaigns:manage";

    /// <summary>Read campaigns, rolls and tallies: also district officers (their district's).</summary>
    public const string Read = "campaigns:read";
}
