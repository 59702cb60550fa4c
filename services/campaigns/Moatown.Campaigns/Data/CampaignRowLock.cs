using Microsoft.EntityFrameworkCore;

namespace Moatown.Campaigns.Data;

internal static class CampaignRowLock
{
    /// <summary>
    /// Locks the campaign's row until the transaction ends: lifecycle changes, roll imports and
    /// ledger writes of one campaign take turns. A query of its own, then the caller reads the
    /// campaign: EF maps a composed FromSql query's complex-type columns by their default names,
    /// not the configured ones.
    /// </summary>
    public static async Task LockCampaignRowAsync(this CampaignsDbContext db, Guid campaignId, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM campaigns WHERE id = {campaignId} FOR UPDATE").ToListAsync(cancellationToken);
}
