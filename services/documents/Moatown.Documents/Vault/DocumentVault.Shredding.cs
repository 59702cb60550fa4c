using Microsoft.EntityFrameworkCore;

namespace Moatown.Documents.Vault;

public sealed partial class DocumentVault
{
    /// <summary>
    /// Destroys a campaign's key at the end of its retention (crypto-shredding): every data key it
    /// wrapped, and so every document of the campaign, can never be decrypted again, while the rows
    /// stay to answer "shredded" instead of "not found". The campaign takes no further documents.
    /// The key's removal and its audit record are one transaction.
    /// </summary>
    public async Task<ShredReport> ShredCampaignAsync(Guid campaignId, string by, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var strategy = db.Database.CreateExecutionStrategy();
        VaultAuditEntry? recorded = null;
        return await strategy.ExecuteAsync(async () =>
        {
            // A retried attempt records the shred once, not once per attempt.
            if (recorded is not null)
            {
                db.Entry(recorded).State = EntityState.Detached;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = time.GetUtcNow();
            var shredded = await db.CampaignKeys
                .Where(k => k.CampaignId == campaignId && k.ShreddedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(k => k.WrappedKey, (byte[]?)null).SetProperty(k => k.ShreddedAt, now), cancellationToken);
            var inserted = 0;
            if (shredded == 0)
            {
                // A campaign without documents gets a shredded key anyway, so it never takes one later.
                inserted = await db.Database.ExecuteSqlInterpolatedAsync(
                    $"INSERT INTO campaign_keys (campaign_id, master_key_id, wrapped_key, created_at, shredded_at) VALUES ({campaignId}, {"none"}, NULL, {now}, {now}) ON CONFLICT (campaign_id) DO NOTHING",
                    cancellationToken);
            }
            var shreddedAt = await db.CampaignKeys.Where(k => k.CampaignId == campaignId).Select(k => k.ShreddedAt).SingleAsync(cancellationToken) ?? now;
            var documents = await db.Documents.CountAsync(d => d.CampaignId == campaignId, cancellationToken);
            var alreadyShredded = shredded == 0 && inserted == 0;
            recorded = Audit(by, VaultActions.Shred, null, campaignId,
                alreadyShredded ? "already shredded" : $"{documents} documents unreadable", reason);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogShredded(campaignId, documents, alreadyShredded);
            return new ShredReport(campaignId, documents, shreddedAt, alreadyShredded);
        });
    }

    [LoggerMessage(EventId = 5121, Level = LogLevel.Warning, Message = "Vault: campaign {CampaignId} shredded, {Documents} documents unreadable (already shredded: {AlreadyShredded})")]
    private partial void LogShredded(Guid campaignId, int documents, bool alreadyShredded);
}
