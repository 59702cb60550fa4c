using System.Security.Claims;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.Documents.Vault;

/// <summary>
/// Who may read which document, beyond the role the endpoint's policy already requires. Provider
/// admins read every document. The documents service does not yet know a campaign's district or
/// organizer, so a district officer bound to a district reads any document for now; once documents
/// records the campaigns it stores for (from the campaigns service's events), this is where a
/// district officer is held to the campaigns of their district and a campaign's organizer is let
/// in to their own.
/// </summary>
public static class DocumentAccess
{
    public static bool CanRead(ClaimsPrincipal user, DocumentMetadata document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return CanReadCampaign(user, document.CampaignId);
    }

    /// <summary>Every document of the campaign (its submission package): the same rule, until campaigns are known here.</summary>
    public static bool CanReadCampaign(ClaimsPrincipal user, Guid campaignId)
    {
        _ = campaignId;
        if (user.IsInRole(Roles.ProviderAdmin))
        {
            return true;
        }
        // As in campaigns: an officer whose token names no district sees nothing.
        return user.IsInRole(Roles.DistrictOfficer) && user.District() is not null;
    }
}
