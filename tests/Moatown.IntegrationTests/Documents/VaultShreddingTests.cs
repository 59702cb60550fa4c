using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Moatown.Documents.Vault;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Documents;

/// <summary>At the end of retention a campaign's keys are destroyed: its documents are gone for good, no one else's are.</summary>
[Collection(SystemCollection.Name)]
public sealed class VaultShreddingTests(SystemFixture system)
{
    [Fact]
    public async Task A_shredded_campaign_cannot_be_read_while_other_campaigns_still_can()
    {
        var shredded = Guid.NewGuid();
        var kept = Guid.NewGuid();
        var gone = new[] { await system.Documents.StoreAsync(shredded, VaultHosts.SamplePdf()), await system.Documents.StoreAsync(shredded, VaultHosts.SamplePdf()) };
        var keptContent = VaultHosts.SamplePdf();
        var keptDocument = await system.Documents.StoreAsync(kept, keptContent);
        await system.Documents.KnowCampaignAsync(shredded);
        await system.Documents.KnowCampaignAsync(kept);
        // The development client: provider admin (shreds) and the campaigns' organizer (downloads).
        using var admin = await system.ClientAsync(system.Documents, Scopes.Documents);

        using var response = await admin.PostAsJsonAsync($"/api/documents/campaigns/{shredded}/shred", new { reason = "retention ended 2031-12-31" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<ShredReport>();
        Assert.Equal(2, report!.Documents);
        Assert.False(report.AlreadyShredded);
        // The host has every master key there is, and still cannot read them.
        foreach (var document in gone)
        {
            var refused = await Assert.ThrowsAsync<CampaignShreddedException>(() => system.Documents.ReadAsync(document.Id));
            Assert.Equal(shredded, refused.CampaignId);
            using var download = await admin.GetAsync($"/api/documents/{document.Id}/content");
            await download.AssertProblemAsync(HttpStatusCode.Gone);
        }
        Assert.Equal(keptContent, (await system.Documents.ReadAsync(keptDocument.Id))!.Content);
        using var keptDownload = await admin.GetAsync($"/api/documents/{keptDocument.Id}/content");
        Assert.Equal(HttpStatusCode.OK, keptDownload.StatusCode);

        var key = await system.Documents.QueryAsync(db => db.CampaignKeys.AsNoTracking().SingleAsync(k => k.CampaignId == shredded));
        Assert.Null(key.WrappedKey);
        Assert.NotNull(key.ShreddedAt);
        var audit = await system.Documents.QueryAsync(db => db.VaultAudit.AsNoTracking()
            .Where(e => e.CampaignId == shredded && e.Action == VaultActions.Shred).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal("moatown-dev", entry.Actor);
        Assert.Equal("retention ended 2031-12-31", entry.Purpose);
        Assert.Equal("2 documents unreadable", entry.Outcome);
    }

    [Fact]
    public async Task A_shredded_campaign_takes_no_more_documents_and_shredding_again_changes_nothing()
    {
        var campaignId = Guid.NewGuid();
        var first = await system.Documents.WithVaultAsync(vault => vault.ShredCampaignAsync(campaignId, "test", "never used", CancellationToken.None));
        var again = await system.Documents.WithVaultAsync(vault => vault.ShredCampaignAsync(campaignId, "test", "again", CancellationToken.None));

        await Assert.ThrowsAsync<CampaignShreddedException>(() => system.Documents.StoreAsync(campaignId, VaultHosts.SamplePdf()));
        Assert.False(first.AlreadyShredded);
        Assert.Equal(0, first.Documents);
        Assert.True(again.AlreadyShredded);
        Assert.Equal(first.ShreddedAt, again.ShreddedAt, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Shredding_needs_a_reason_and_a_provider_admin()
    {
        var campaignId = Guid.NewGuid();
        await system.Documents.StoreAsync(campaignId, VaultHosts.SamplePdf());
        using var admin = await system.ClientAsync(system.Documents, Scopes.Documents);
        var officerSecret = await system.RegisterClientAsync("vault-shred-officer", [Roles.DistrictOfficer], [Scopes.Documents], district: "중랑구");
        using var officer = await system.ClientAsync(system.Documents, Scopes.Documents, "vault-shred-officer", officerSecret);

        using var noReason = await admin.PostAsJsonAsync($"/api/documents/campaigns/{campaignId}/shred", new { reason = " " });
        using var byOfficer = await officer.PostAsJsonAsync($"/api/documents/campaigns/{campaignId}/shred", new { reason = "mine" });
        using var rotateByOfficer = await officer.PostAsync("/api/documents/vault/rotate", null);

        await noReason.AssertProblemAsync(HttpStatusCode.BadRequest);
        await byOfficer.AssertProblemAsync(HttpStatusCode.Forbidden);
        await rotateByOfficer.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Null(await system.Documents.QueryAsync(db => db.CampaignKeys.Where(k => k.CampaignId == campaignId).Select(k => k.ShreddedAt).SingleAsync()));
    }
}
