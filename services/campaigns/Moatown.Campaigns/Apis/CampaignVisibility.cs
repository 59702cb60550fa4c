using System.Security.Claims;
using Moatown.Campaigns.Model;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.Campaigns.Apis;

internal static class CampaignVisibility
{
    /// <summary>
    /// What a caller may read: provider admins every campaign, organizers their own, district
    /// officers those of their district (none when the token names no district); several roles
    /// see the union. Every read by id goes through this, so a campaign the caller may not see
    /// is simply not found.
    /// </summary>
    public static IQueryable<Campaign> VisibleTo(this IQueryable<Campaign> campaigns, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.ProviderAdmin))
        {
            return campaigns;
        }
        var organizer = user.IsInRole(Roles.Organizer) ? user.SubjectId() : null;
        var district = user.IsInRole(Roles.DistrictOfficer) ? user.District() : null;
        return campaigns.Where(c => (organizer != null && c.OrganizerId == organizer) || (district != null && c.Area.District == district));
    }

    /// <summary>
    /// Whose people (the roll's holders and owners, masked) a caller may read: organizers their own
    /// campaigns', district officers their district's. Not provider admins: they run the system but
    /// see no one's personal data unless also granted one of these roles.
    /// </summary>
    public static IQueryable<Campaign> PeopleVisibleTo(this IQueryable<Campaign> campaigns, ClaimsPrincipal user)
    {
        var organizer = user.IsInRole(Roles.Organizer) ? user.SubjectId() : null;
        var district = user.IsInRole(Roles.DistrictOfficer) ? user.District() : null;
        return campaigns.Where(c => (organizer != null && c.OrganizerId == organizer) || (district != null && c.Area.District == district));
    }

    /// <summary>
    /// What a caller may change: organizers their own campaigns, and nobody else's. Not provider
    /// admins (an insider must not be able to change a roll or a count) and never a district's
    /// campaigns: a district officer who is also an organizer reviews other organizers' campaigns
    /// but must not edit them, so writes do not use <see cref="VisibleTo"/>.
    /// </summary>
    public static IQueryable<Campaign> ManageableBy(this IQueryable<Campaign> campaigns, ClaimsPrincipal user)
    {
        var organizer = user.IsInRole(Roles.Organizer) ? user.SubjectId() : null;
        return campaigns.Where(c => organizer != null && c.OrganizerId == organizer);
    }
}
