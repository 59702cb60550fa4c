using System.Security.Claims;
using Moatown.Campaigns.Model;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.Campaigns.Apis;

internal static class CampaignVisibility
{
    /// <summary>
    /// Provider admins see every campaign; organizers only their own. Every read by id goes
    /// through this, so another organizer's campaign is simply not found.
    /// </summary>
    public static IQueryable<Campaign> VisibleTo(this IQueryable<Campaign> campaigns, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.ProviderAdmin))
        {
            return campaigns;
        }
        var subject = user.SubjectId();
        return campaigns.Where(c => c.OrganizerId == subject);
    }
}
