using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Data;

namespace Moatown.Campaigns.Residents;

internal static class HolderPhones
{
    /// <summary>The holder's phone number on the campaign's current roll, still encrypted; the first row's that has one.</summary>
    public static Task<string?> FindAsync(CampaignsDbContext db, Guid campaignId, Guid holderId, CancellationToken cancellationToken) =>
        db.RollEntries.AsNoTracking()
            .Where(e => e.HolderId == holderId && e.PhoneProtected != null
                && db.RollVersions.Any(v => v.Id == e.RollVersionId && v.CampaignId == campaignId && v.IsCurrent))
            .OrderBy(e => e.Line)
            .Select(e => e.PhoneProtected)
            .FirstOrDefaultAsync(cancellationToken);
}
