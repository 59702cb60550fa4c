using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Moatown.Documents.Data;

namespace Moatown.Documents.Vault;

/// <summary>The middle of the key hierarchy: one key per campaign, made on its first document, kept wrapped by a master key.</summary>
public sealed class CampaignKeys(DocumentsDbContext db, IMasterKeys masterKeys, TimeProvider time)
{
    /// <summary>What a campaign key's wrap is bound to, so it cannot be moved to another campaign's row.</summary>
    public static string Context(Guid campaignId) => $"moatown.vault.campaign-key|{campaignId:N}";

    /// <summary>The campaign's key, made and stored (wrapped) if it has none yet.</summary>
    /// <exception cref="CampaignShreddedException">The campaign was shredded: it takes no more documents.</exception>
    public async Task<byte[]> GetOrCreateAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        var row = await FindAsync(campaignId, cancellationToken);
        if (row is null)
        {
            var key = RandomNumberGenerator.GetBytes(Gcm.KeySize);
            var wrapped = await masterKeys.WrapAsync(key, Context(campaignId), cancellationToken);
            // Two first documents of a campaign may arrive together: one key wins, the other is thrown away.
            var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO campaign_keys (campaign_id, master_key_id, wrapped_key, created_at) VALUES ({campaignId}, {wrapped.MasterKeyId}, {wrapped.Wrapped}, {time.GetUtcNow()}) ON CONFLICT (campaign_id) DO NOTHING",
                cancellationToken);
            if (inserted == 1)
            {
                return key;
            }
            CryptographicOperations.ZeroMemory(key);
            row = await FindAsync(campaignId, cancellationToken)
                ?? throw new InvalidOperationException($"The key of campaign {campaignId} disappeared while it was being made.");
        }
        return await UnwrapAsync(row, cancellationToken);
    }

    public Task<CampaignKey?> FindAsync(Guid campaignId, CancellationToken cancellationToken) =>
        db.CampaignKeys.AsNoTracking().FirstOrDefaultAsync(k => k.CampaignId == campaignId, cancellationToken);

    /// <exception cref="CampaignShreddedException">The key was destroyed.</exception>
    /// <exception cref="CryptographicException">The wrapped key was altered.</exception>
    public async Task<byte[]> UnwrapAsync(CampaignKey row, CancellationToken cancellationToken)
    {
        if (row.ShreddedAt is not null || row.WrappedKey is null)
        {
            throw new CampaignShreddedException(row.CampaignId, row.ShreddedAt);
        }
        return await masterKeys.UnwrapAsync(new WrappedKey(row.MasterKeyId, row.WrappedKey), Context(row.CampaignId), cancellationToken);
    }
}
