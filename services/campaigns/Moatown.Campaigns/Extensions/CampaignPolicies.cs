namespace Moatown.Campaigns.Extensions;

internal static class CampaignPolicies
{
    /// <summary>Create and change campaigns, their rolls and their paper ledger entries: organizers (their own) and provider admins (all).</summary>
    public const string Manage = "campaigns:manage";

    /// <summary>Read campaigns, rolls, tallies and ledgers: organizers (their own), district officers (their district's) and provider admins (all).</summary>
    public const string Read = "campaigns:read";
}
