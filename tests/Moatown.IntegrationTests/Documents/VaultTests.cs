using System.Net;
using Microsoft.EntityFrameworkCore;
using Moatown.Documents.Vault;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Documents;

/// <summary>Documents are stored encrypted, each under its own key, and come back only exactly as they were stored.</summary>
[Collection(SystemCollection.Name)]
public sealed class VaultTests(SystemFixture system)
{
    [Fact]
    public async Task A_stored_document_reads_back_equal_and_the_database_holds_only_ciphertext()
    {
        var campaignId = Guid.NewGuid();
        var content = VaultHosts.SamplePdf(20_000);

        var stored = await system.Documents.StoreAsync(campaignId, content, kind: "withdrawal", contentType: "application/pdf");
        var read = await system.Documents.ReadAsync(stored.Id);
        var row = await system.Documents.QueryAsync(db => db.Documents.AsNoTracking().SingleAsync(d => d.Id == stored.Id));

        Assert.NotNull(read);
        Assert.Equal(content, read.Content);
        Assert.Equal(campaignId, read.Metadata.CampaignId);
        Assert.Equal("withdrawal", read.Metadata.Kind);
        Assert.Equal("application/pdf", read.Metadata.ContentType);
        Assert.Equal(content.Length, stored.Length);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), stored.Sha256);
        Assert.Equal(content.Length, row.Ciphertext.Length);
        Assert.NotEqual(content, row.Ciphertext);
        // Not even a fragment of the plaintext is in the row.
        Assert.False(row.Ciphertext.Contains(content.AsSpan(0, 16)));
        Assert.False(row.Ciphertext.Contains(content.AsSpan(10_000, 16)));
        Assert.False(row.WrappedDataKey.Contains(content.AsSpan(0, 16)));
        var audit = await system.Documents.AuditOfDocumentAsync(stored.Id);
        Assert.Equal([VaultActions.Store, VaultActions.Read], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal("ok", e.Outcome));
    }

    [Fact]
    public async Task Each_document_has_its_own_data_key()
    {
        var campaignId = Guid.NewGuid();
        var content = VaultHosts.SamplePdf();

        var first = await system.Documents.StoreAsync(campaignId, content);
        var second = await system.Documents.StoreAsync(campaignId, content);
        var rows = await system.Documents.QueryAsync(db => db.Documents.AsNoTracking()
            .Where(d => d.Id == first.Id || d.Id == second.Id).ToListAsync());

        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(2, rows.Count);
        Assert.NotEqual(rows[0].Ciphertext, rows[1].Ciphertext);
        Assert.NotEqual(rows[0].WrappedDataKey, rows[1].WrappedDataKey);
        Assert.NotEqual(rows[0].Nonce, rows[1].Nonce);
        Assert.Equal(content, (await system.Documents.ReadAsync(first.Id))!.Content);
        Assert.Equal(content, (await system.Documents.ReadAsync(second.Id))!.Content);
        // One campaign key for the campaign, made on its first document.
        Assert.Equal(1, await system.Documents.QueryAsync(db => db.CampaignKeys.CountAsync(k => k.CampaignId == campaignId)));
    }

    [Theory]
    [InlineData("ciphertext")]
    [InlineData("tag")]
    [InlineData("nonce")]
    [InlineData("wrapped_data_key")]
    public async Task One_flipped_byte_is_detected_and_nothing_is_returned(string column)
    {
        var campaignId = Guid.NewGuid();
        var stored = await system.Documents.StoreAsync(campaignId, VaultHosts.SamplePdf());
        // The development client is the campaign's organizer, so the download gets as far as decrypting.
        await system.Documents.KnowCampaignAsync(campaignId);
        await FlipOneByteAsync(stored.Id, column);
        using var admin = await system.ClientAsync(system.Documents, Scopes.Documents);

        await Assert.ThrowsAsync<DocumentIntegrityException>(() => system.Documents.ReadAsync(stored.Id));
        using var response = await admin.GetAsync($"/api/documents/{stored.Id}/content");

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
        Assert.Equal("Document failed its integrity check", problem.GetProperty("title").GetString());
        var audit = await system.Documents.AuditOfDocumentAsync(stored.Id);
        var failures = audit.Where(e => e.Action == VaultActions.IntegrityFailure).ToList();
        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, e => e.Actor == VaultReader.ServiceActor);
        Assert.Contains(failures, e => e.Actor == "moatown-dev");
        Assert.DoesNotContain(audit, e => e.Action is VaultActions.Read or VaultActions.Download);
    }

    [Fact]
    public async Task A_recorded_hash_that_differs_from_the_content_is_detected()
    {
        var stored = await system.Documents.StoreAsync(Guid.NewGuid(), VaultHosts.SamplePdf());
        var otherHash = new string('0', 64);
        await system.Documents.QueryAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE documents SET sha256 = {otherHash} WHERE id = {stored.Id}"));

        await Assert.ThrowsAsync<DocumentIntegrityException>(() => system.Documents.ReadAsync(stored.Id));
    }

    [Fact]
    public async Task A_document_relabelled_with_another_content_type_does_not_decrypt()
    {
        var stored = await system.Documents.StoreAsync(Guid.NewGuid(), VaultHosts.SamplePdf());
        await system.Documents.QueryAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE documents SET content_type = 'text/html' WHERE id = {stored.Id}"));

        await Assert.ThrowsAsync<DocumentIntegrityException>(() => system.Documents.ReadAsync(stored.Id));
    }

    [Fact]
    public async Task The_audit_trail_cannot_be_changed_or_deleted()
    {
        var stored = await system.Documents.StoreAsync(Guid.NewGuid(), VaultHosts.SamplePdf());

        var update = await Record.ExceptionAsync(() => system.Documents.QueryAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE vault_audit SET actor = 'someone else' WHERE document_id = {stored.Id}")));
        var delete = await Record.ExceptionAsync(() => system.Documents.QueryAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM vault_audit WHERE document_id = {stored.Id}")));

        Assert.Contains("append-only", update?.Message);
        Assert.Contains("append-only", delete?.Message);
        Assert.Single(await system.Documents.AuditOfDocumentAsync(stored.Id));
    }

    /// <summary>Flips the lowest bit of one byte in the middle of the column, as a disk error or a tamperer would.</summary>
    private Task<int> FlipOneByteAsync(Guid documentId, string column)
    {
        // The column comes from the test's own list, never from input.
        var sql = "UPDATE documents SET " + column + " = set_byte(" + column + ", length(" + column + ") / 2, get_byte(" + column
            + ", length(" + column + ") / 2) # 1) WHERE id = {0}";
        return system.Documents.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql, documentId));
    }
}
