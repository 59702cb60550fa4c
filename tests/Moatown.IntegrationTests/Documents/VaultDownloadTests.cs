using System.Net;
using Microsoft.EntityFrameworkCore;
using Moatown.Documents.Vault;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Documents;

/// <summary>
/// Only the campaign's organizer and the officers of its district download its documents (not
/// provider admins), and every download, and every refusal of a role that might, is on the record.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class VaultDownloadTests(SystemFixture system)
{
    [Fact]
    public async Task The_campaigns_organizer_downloads_the_document_and_the_download_is_audited()
    {
        var content = VaultHosts.SamplePdf();
        var campaignId = Guid.NewGuid();
        var stored = await system.Documents.StoreAsync(campaignId, content);
        await system.Documents.KnowCampaignAsync(campaignId, organizer: "moatown-dev");
        using var admin = await system.ClientAsync(system.Documents, Scopes.Documents);

        using var response = await admin.GetAsync($"/api/documents/{stored.Id}/content?purpose=민원%20확인");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
        var download = Assert.Single(await system.Documents.AuditOfDocumentAsync(stored.Id), e => e.Action == VaultActions.Download);
        Assert.Equal("moatown-dev", download.Actor);
        Assert.Equal("ok", download.Outcome);
        Assert.Equal("민원 확인", download.Purpose);
    }

    [Fact]
    public async Task An_officer_of_the_campaigns_district_downloads_too()
    {
        var campaignId = Guid.NewGuid();
        var stored = await system.Documents.StoreAsync(campaignId, VaultHosts.SamplePdf());
        await system.Documents.KnowCampaignAsync(campaignId, organizer: "someone-else", district: "중랑구");
        var secret = await system.RegisterClientAsync("vault-officer", [Roles.DistrictOfficer], [Scopes.Documents], district: "중랑구");
        using var officer = await system.ClientAsync(system.Documents, Scopes.Documents, "vault-officer", secret);

        using var response = await officer.GetAsync($"/api/documents/{stored.Id}/content");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(await system.Documents.AuditOfDocumentAsync(stored.Id), e => e.Action == VaultActions.Download && e.Actor == "vault-officer");
    }

    [Fact]
    public async Task Others_are_refused_and_nothing_is_decrypted_for_them()
    {
        var campaignId = Guid.NewGuid();
        var stored = await system.Documents.StoreAsync(campaignId, VaultHosts.SamplePdf());
        await system.Documents.KnowCampaignAsync(campaignId, organizer: "moatown-dev", district: "중랑구");
        var adminSecret = await system.RegisterClientAsync("vault-admin-only", [Roles.ProviderAdmin], [Scopes.Documents]);
        var otherOfficerSecret = await system.RegisterClientAsync("vault-officer-dongjak", [Roles.DistrictOfficer], [Scopes.Documents], district: "동작구");
        using var providerAdmin = await system.ClientAsync(system.Documents, Scopes.Documents, "vault-admin-only", adminSecret);
        using var otherOfficer = await system.ClientAsync(system.Documents, Scopes.Documents, "vault-officer-dongjak", otherOfficerSecret);
        var organizerSecret = await system.RegisterClientAsync("vault-organizer", [Roles.Organizer], [Scopes.Documents]);
        var auditorSecret = await system.RegisterClientAsync("vault-auditor", [Roles.Auditor], [Scopes.Documents]);
        var unboundSecret = await system.RegisterClientAsync("vault-officer-unbound", [Roles.DistrictOfficer], [Scopes.Documents]);
        using var organizer = await system.ClientAsync(system.Documents, Scopes.Documents, "vault-organizer", organizerSecret);
        using var auditor = await system.ClientAsync(system.Documents, Scopes.Documents, "vault-auditor", auditorSecret);
        using var unbound = await system.ClientAsync(system.Documents, Scopes.Documents, "vault-officer-unbound", unboundSecret);
        using var anonymous = system.Documents.CreateClient();
        // A provider admin's token for another service is refused too.
        using var otherAudience = await system.ClientAsync(system.Documents, Scopes.Campaigns);
        var path = $"/api/documents/{stored.Id}/content";

        using var byProviderAdmin = await providerAdmin.GetAsync(path);
        using var byOtherOfficer = await otherOfficer.GetAsync(path);
        using var byOrganizer = await organizer.GetAsync(path);
        using var byAuditor = await auditor.GetAsync(path);
        using var byUnbound = await unbound.GetAsync(path);
        using var byAnonymous = await anonymous.GetAsync(path);
        using var byOtherAudience = await otherAudience.GetAsync(path);
        using var missing = await organizer.GetAsync($"/api/documents/{Guid.NewGuid()}/content");

        // Roles that may never download: refused by policy. Roles that may, but not this campaign's: not found, and recorded.
        Assert.Equal(HttpStatusCode.Forbidden, byProviderAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAuditor.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOrganizer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byUnbound.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byOtherAudience.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var audit = await system.Documents.AuditOfDocumentAsync(stored.Id);
        Assert.DoesNotContain(audit, e => e.Action is VaultActions.Download or VaultActions.Read && e.Outcome == "ok");
        Assert.Equal(["vault-officer-dongjak", "vault-officer-unbound", "vault-organizer"],
            audit.Where(e => e.Outcome == "denied").Select(e => e.Actor).Order().ToArray());
    }

    [Fact]
    public async Task An_unknown_document_is_not_found()
    {
        using var admin = await system.ClientAsync(system.Documents, Scopes.Documents);

        using var response = await admin.GetAsync($"/api/documents/{Guid.NewGuid()}/content");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
