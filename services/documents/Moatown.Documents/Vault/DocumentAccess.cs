using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Moatown.Documents.Data;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.Documents.Vault;

/// <summary>
/// Who may read which campaign's documents, beyond the role the endpoint's policy requires: the
/// campaign's organizer, and the district officers of its district (as documents learned them from
/// the campaigns service's events, <see cref="KnownCampaign"/>). Nobody else, provider admins
/// included: a campaign documents has not heard of yet is nobody's to read.
/// </summary>
public static class DocumentAccess
{
    public static Task<bool> CanReadAsync(ClaimsPrincipal user, DocumentMetadata document, DocumentsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        return CanReadCampaignAsync(user, document.CampaignId, db, cancellationToken);
    }

    /// <summary>Every document of the campaign (its submission package): the same rule.</summary>
    public static async Task<bool> CanReadCampaignAsync(ClaimsPrincipal user, Guid campaignId, DocumentsDbContext db, CancellationToken cancellationToken)
    {
        var organizer = user.IsInRole(Roles.Organizer) ? user.SubjectId() : null;
        // As in campaigns: an officer whose token names no district sees nothing.
        var district = user.IsInRole(Roles.DistrictOfficer) ? user.District() : null;
        if (organizer is null && district is null)
        {
            return false;
        }
        return await db.KnownCampaigns.AsNoTracking().AnyAsync(c => c.CampaignId == campaignId
            && ((organizer != null && c.Organizer == organizer) || (district != null && c.District == district)), cancellationToken);
    }
}
