namespace Moatown.Campaigns.Extensions;

internal static class CampaignPolicies
{
    /// <summary>Create and change campaigns and their rolls: organizers (their own) and provider admins (all).</summary>
    public const string Manage = "campaigns:manage";

    /// <summary>Read campaigns and their rolls: organizers (their own), district officers (their district's) and provider admins (all).</summary>
    public const string Read = "campaigns:read";
}
