using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Model;

namespace Moatown.Campaigns.Apis;

internal static class CampaignLocks
{
    /// <summary>
    /// Runs <paramref name="change"/> in a transaction that holds the campaign row's lock
    /// (<c>FOR UPDATE</c>) until commit: an update, open or close decides on the status it read,
    /// and a concurrent one waits and then sees the result, so two opens cannot both succeed and
    /// no draft edit lands after the campaign opened. The campaign is null when the caller may not
    /// manage it (or it does not exist). The change saves its own work before returning.
    /// </summary>
    public static async Task<T> ChangeLockedAsync<T>(
        this CampaignsDbContext db, Guid id, ClaimsPrincipal user, Func<Campaign?, Task<T>> change, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            // A retry starts over: nothing tracked from a rolled-back attempt may be saved again.
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Locked first, read after: under READ COMMITTED the read then sees the last committed change.
            await db.LockCampaignRowAsync(id, cancellationToken);
            var campaign = await db.Campaigns.ManageableBy(user).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            var result = await change(campaign);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
    }
}
