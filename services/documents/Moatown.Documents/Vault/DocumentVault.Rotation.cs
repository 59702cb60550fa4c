using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace Moatown.Documents.Vault;

public sealed partial class DocumentVault
{
    private const int RotationBatchSize = 100;

    /// <summary>
    /// Re-wraps every campaign key not yet under the active master key. Documents are untouched: their
    /// data keys are wrapped by campaign keys, which do not change. Safe to run again (keys already
    /// current are counted, not re-wrapped) and beside stores, reads and shreds: each key is updated
    /// only if it is still under the master key it was read under and not shredded meanwhile.
    /// </summary>
    public async Task<RotationReport> RotateMasterKeyAsync(string by, CancellationToken cancellationToken)
    {
        var active = masterKeys.ActiveKeyId;
        var pending = await db.CampaignKeys.AsNoTracking()
            .Where(k => k.ShreddedAt == null && k.MasterKeyId != active)
            .OrderBy(k => k.CampaignId).Select(k => k.CampaignId).ToListAsync(cancellationToken);
        int rewrapped = 0, unavailable = 0;
        foreach (var batch in pending.Chunk(RotationBatchSize))
        {
            var keys = await db.CampaignKeys.AsNoTracking().Where(k => batch.Contains(k.CampaignId)).ToListAsync(cancellationToken);
            foreach (var key in keys)
            {
                switch (await RewrapAsync(key, cancellationToken))
                {
                    case true: rewrapped++; break;
                    case null: unavailable++; break;
                }
            }
        }
        var alreadyCurrent = await db.CampaignKeys.CountAsync(k => k.ShreddedAt == null && k.MasterKeyId == active, cancellationToken) - rewrapped;
        var shredded = await db.CampaignKeys.CountAsync(k => k.ShreddedAt != null, cancellationToken);
        var report = new RotationReport(active, rewrapped, alreadyCurrent, shredded, unavailable);

        Audit(by, VaultActions.Rotate, null, null,
            $"to {active}: {rewrapped} re-wrapped, {alreadyCurrent} already current, {shredded} shredded, {unavailable} unavailable");
        await db.SaveChangesAsync(cancellationToken);
        LogRotated(active, rewrapped, alreadyCurrent, unavailable);
        return report;
    }

    /// <returns>true when re-wrapped, false when it changed meanwhile (shredded or already rotated), null when it cannot be unwrapped.</returns>
    private async Task<bool?> RewrapAsync(CampaignKey key, CancellationToken cancellationToken)
    {
        byte[] plain;
        try
        {
            plain = await campaignKeys.UnwrapAsync(key, cancellationToken);
        }
        catch (CampaignShreddedException)
        {
            return false;
        }
        catch (MasterKeyUnavailableException)
        {
            LogRotationUnavailable(key.CampaignId, key.MasterKeyId);
            return null;
        }
        catch (CryptographicException)
        {
            LogRotationIntegrityFailure(key.CampaignId);
            return null;
        }
        try
        {
            var wrapped = await masterKeys.WrapAsync(plain, CampaignKeys.Context(key.CampaignId), cancellationToken);
            var now = time.GetUtcNow();
            var updated = await db.CampaignKeys
                .Where(k => k.CampaignId == key.CampaignId && k.MasterKeyId == key.MasterKeyId && k.ShreddedAt == null)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(k => k.MasterKeyId, wrapped.MasterKeyId)
                    .SetProperty(k => k.WrappedKey, wrapped.Wrapped)
                    .SetProperty(k => k.RotatedAt, now), cancellationToken);
            return updated == 1;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    [LoggerMessage(EventId = 5111, Level = LogLevel.Information, Message = "Vault master key rotation to {MasterKeyId}: {Rewrapped} re-wrapped, {AlreadyCurrent} already current, {Unavailable} unavailable")]
    private partial void LogRotated(string masterKeyId, int rewrapped, int alreadyCurrent, int unavailable);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Error, Message = "Vault rotation: the key of campaign {CampaignId} is under master key {MasterKeyId}, which is not configured; left as it was")]
    private partial void LogRotationUnavailable(Guid campaignId, string masterKeyId);

    [LoggerMessage(EventId = 5113, Level = LogLevel.Critical, EventName = "VaultKeyIntegrityFailure",
        Message = "Security: the key of campaign {CampaignId} failed its integrity check during rotation; left as it was")]
    private partial void LogRotationIntegrityFailure(Guid campaignId);
}
