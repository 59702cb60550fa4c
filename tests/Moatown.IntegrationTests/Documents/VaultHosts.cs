using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moatown.Documents.Data;
using Moatown.Documents.Vault;
using Moatown.IntegrationTests.Infrastructure;

namespace Moatown.IntegrationTests.Documents;

/// <summary>The vault of a documents host, used directly the way the service's own code uses it.</summary>
internal static class VaultHosts
{
    public static async Task<T> WithVaultAsync<T>(this ServiceFactory<DocumentsDbContext> host, Func<DocumentVault, Task<T>> action)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<DocumentVault>());
    }

    public static Task<StoredDocument> StoreAsync(this ServiceFactory<DocumentsDbContext> host, Guid campaignId, byte[] content,
        string kind = "consent", string contentType = "application/pdf") =>
        host.WithVaultAsync(vault => vault.StoreAsync(campaignId, kind, content, contentType, CancellationToken.None));

    /// <summary>
    /// What documents learns from campaigns' events for a campaign no test created through campaigns:
    /// its organizer (the development client by default) and district, who may then download.
    /// </summary>
    public static Task KnowCampaignAsync(this ServiceFactory<DocumentsDbContext> host, Guid campaignId,
        string organizer = "moatown-dev", string district = "중랑구") =>
        host.QueryAsync(async db =>
        {
            db.KnownCampaigns.Add(new Moatown.Documents.Access.KnownCampaign
            {
                CampaignId = campaignId, Organizer = organizer, District = district,
                LearnedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

    public static Task<VaultDocument?> ReadAsync(this ServiceFactory<DocumentsDbContext> host, Guid documentId) =>
        host.WithVaultAsync(vault => vault.ReadAsync(documentId, CancellationToken.None));

    public static async Task<T> QueryAsync<T>(this ServiceFactory<DocumentsDbContext> host, Func<DocumentsDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DocumentsDbContext>());
    }

    public static Task<List<VaultAuditEntry>> AuditOfDocumentAsync(this ServiceFactory<DocumentsDbContext> host, Guid documentId) =>
        host.QueryAsync(db => db.VaultAudit.AsNoTracking().Where(e => e.DocumentId == documentId).OrderBy(e => e.Id).ToListAsync());

    /// <summary>Some bytes that look like a small PDF, different on every call.</summary>
    public static byte[] SamplePdf(int size = 4096)
    {
        var content = new byte[size];
        System.Security.Cryptography.RandomNumberGenerator.Fill(content);
        "%PDF-1.7 동의서 "u8.CopyTo(content);
        return content;
    }

    public static bool Contains(this byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
