using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Moatown.Documents.Data;
using Moatown.Documents.Vault;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Documents;

/// <summary>A new master key: campaign keys are re-wrapped, documents are not touched, and the old key can then go.</summary>
[Collection(SystemCollection.Name)]
public sealed class VaultRotationTests(SystemFixture system)
{
    // Its own database: a rotation moves every campaign key, and the shared host keeps only the first master key.
    private const string Database = "documents_rotation";
    private static readonly string SecondMasterKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task After_a_rotation_every_document_reads_back_with_only_the_new_master_key()
    {
        await using var before = system.CreateDocuments(Database);
        var campaigns = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var contents = new Dictionary<Guid, byte[]>();
        foreach (var (campaignId, count) in campaigns.Zip([3, 2]))
        {
            for (var i = 0; i < count; i++)
            {
                var content = VaultHosts.SamplePdf(1000 + i);
                contents[(await before.StoreAsync(campaignId, content)).Id] = content;
            }
        }
        var documentsBefore = await DocumentRowsAsync(before, contents.Keys);
        Assert.All(await CampaignKeysAsync(before, campaigns), k => Assert.Equal(SystemFixture.DocumentsMasterKeyId, k.MasterKeyId));

        // The new key listed beside the old one and made active; then the rotation, twice.
        await using var during = system.CreateDocuments(Database, new()
        {
            ["Documents:Vault:MasterKeys:m2"] = SecondMasterKey,
            ["Documents:Vault:ActiveMasterKey"] = "m2",
        });
        using var admin = await system.ClientAsync(during, Scopes.Documents);
        using var first = await admin.PostAsync("/api/documents/vault/rotate", null);
        using var again = await admin.PostAsync("/api/documents/vault/rotate", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var report = await first.Content.ReadFromJsonAsync<RotationReport>();
        var second = await again.Content.ReadFromJsonAsync<RotationReport>();
        Assert.Equal("m2", report!.ActiveMasterKeyId);
        Assert.True(report.Rewrapped >= campaigns.Length, $"re-wrapped {report.Rewrapped}");
        Assert.Equal(0, report.Unavailable);
        Assert.Equal(0, second!.Rewrapped);
        Assert.Equal(report.Rewrapped + report.AlreadyCurrent, second.AlreadyCurrent);
        var keys = await CampaignKeysAsync(during, campaigns);
        Assert.All(keys, k => Assert.Equal("m2", k.MasterKeyId));
        Assert.All(keys, k => Assert.NotNull(k.RotatedAt));
        Assert.Equal(0, await during.QueryAsync(db => db.CampaignKeys.CountAsync(k => k.ShreddedAt == null && k.MasterKeyId != "m2")));

        // Documents untouched: the same ciphertext, nonce, tag and wrapped data key, byte for byte.
        var documentsAfter = await DocumentRowsAsync(during, contents.Keys);
        foreach (var (id, row) in documentsBefore)
        {
            Assert.Equal(row.Ciphertext, documentsAfter[id].Ciphertext);
            Assert.Equal(row.Nonce, documentsAfter[id].Nonce);
            Assert.Equal(row.Tag, documentsAfter[id].Tag);
            Assert.Equal(row.WrappedDataKey, documentsAfter[id].WrappedDataKey);
        }

        // The old master key removed: everything still reads, so nothing depends on it any more.
        await using var after = system.CreateDocuments(Database, new()
        {
            [$"Documents:Vault:MasterKeys:{SystemFixture.DocumentsMasterKeyId}"] = null,
            ["Documents:Vault:MasterKeys:m2"] = SecondMasterKey,
            ["Documents:Vault:ActiveMasterKey"] = "m2",
        });
        foreach (var (id, content) in contents)
        {
            Assert.Equal(content, (await after.ReadAsync(id))!.Content);
        }
        // And a host that has only the old key can no longer read them.
        await Assert.ThrowsAsync<MasterKeyUnavailableException>(() => before.ReadAsync(contents.Keys.First()));
        Assert.Contains(await after.QueryAsync(db => db.VaultAudit.AsNoTracking().Where(e => e.Action == VaultActions.Rotate).ToListAsync()),
            e => e.Actor == "moatown-dev" && e.Outcome.StartsWith("to m2:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_key_under_a_master_key_no_longer_configured_is_reported_and_left_alone()
    {
        await using var old = system.CreateDocuments(Database);
        var stored = await old.StoreAsync(Guid.NewGuid(), VaultHosts.SamplePdf());
        await using var withoutOld = system.CreateDocuments(Database, new()
        {
            [$"Documents:Vault:MasterKeys:{SystemFixture.DocumentsMasterKeyId}"] = null,
            ["Documents:Vault:MasterKeys:m3"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Documents:Vault:ActiveMasterKey"] = "m3",
        });

        var report = await withoutOld.WithVaultAsync(vault => vault.RotateMasterKeyAsync("test", CancellationToken.None));

        Assert.True(report.Unavailable >= 1);
        Assert.Equal(stored.Length, (await old.ReadAsync(stored.Id))!.Content.Length);
    }

    private static Task<List<CampaignKey>> CampaignKeysAsync(ServiceFactory<DocumentsDbContext> host, Guid[] campaigns) =>
        host.QueryAsync(db => db.CampaignKeys.AsNoTracking().Where(k => campaigns.Contains(k.CampaignId)).ToListAsync());

    private static Task<Dictionary<Guid, EncryptedDocument>> DocumentRowsAsync(ServiceFactory<DocumentsDbContext> host, IEnumerable<Guid> ids) =>
        host.QueryAsync(db => db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id));
}
