using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moatown.IntegrationTests.Documents;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Inspection;

/// <summary>
/// The inspection report from the running services: every figure is measured when asked, from the
/// services' databases, keys and certificates.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class InspectionReportTests(SystemFixture system)
{
    private const string AuditorClient = "inspection-auditor";

    [Fact]
    public async Task The_report_measures_every_service_s_controls_and_warns_where_one_is_off()
    {
        using var organizer = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        await organizer.CreateOpenCampaignAsync("inspected campaign");

        using var auditor = await AuditorAsync();
        using var response = await auditor.GetAsync("/api/identity/inspection");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Empty(report.GetProperty("unreachable").EnumerateArray());
        var services = report.GetProperty("services").EnumerateArray().ToDictionary(s => s.GetProperty("service").GetString()!);
        Assert.Equal(["campaigns", "documents", "identity", "notifications", "signing"], services.Keys.Order());

        // Encryption per store, counted in the table: the roll just imported is all ciphertext, under the configured key.
        var names = services["campaigns"].GetProperty("stores").EnumerateArray()
            .Single(s => s.GetProperty("column").GetString() == "owner_name_protected");
        Assert.True(names.GetProperty("values").GetInt64() >= 9);
        Assert.Equal(names.GetProperty("values").GetInt64(), names.GetProperty("encrypted").GetInt64());
        Assert.Equal(0, names.GetProperty("notEncrypted").GetInt64());
        Assert.Equal(names.GetProperty("values").GetInt64(), names.GetProperty("byKey").GetProperty("test1").GetInt64());
        Assert.Contains(services["campaigns"].GetProperty("keys").EnumerateArray(),
            k => k.GetProperty("name").GetString() == "personal-data" && k.GetProperty("id").GetString() == "test1" && k.GetProperty("active").GetBoolean());

        // Keys and certificates where they live: the vault's master key, the seal, the token signing certificate.
        Assert.Contains(services["documents"].GetProperty("keys").EnumerateArray(),
            k => k.GetProperty("name").GetString() == "vault-master" && k.GetProperty("active").GetBoolean());
        var seal = services["documents"].GetProperty("certificates").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "seal");
        Assert.True(seal.GetProperty("notAfter").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.Contains(services["identity"].GetProperty("certificates").EnumerateArray(), c => c.GetProperty("name").GetString() == "token signing");

        // Each service's audit chain, checked now, and the role it runs as.
        foreach (var (name, service) in services)
        {
            Assert.True(service.GetProperty("audit").GetProperty("intact").GetBoolean(), $"{name}: {service.GetProperty("audit")}");
            Assert.Equal($"{name}db_runtime", service.GetProperty("database").GetProperty("runtimeRole").GetString());
        }
        Assert.True(services["campaigns"].GetProperty("audit").GetProperty("records").GetInt64() >= 2);

        // The test PostgreSQL archives no WAL and the test keys have no issue date: the report says so, per service.
        var warnings = report.GetProperty("warnings").EnumerateArray().ToList();
        Assert.Contains(warnings, w => w.GetProperty("area").GetString() == "backup" && w.GetProperty("service").GetString() == "campaigns"
            && w.GetProperty("message").GetString()!.Contains("archive_mode = off", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.GetProperty("area").GetString() == "keys"
            && w.GetProperty("message").GetString()!.Contains("issue date of personal-data key test1", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.GetProperty("severity").GetString() == "critical");
    }

    [Fact]
    public async Task The_report_renders_as_a_pdf_with_the_same_figures()
    {
        using var auditor = await AuditorAsync();
        using var response = await auditor.GetAsync("/api/identity/inspection/report.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var poppler = new Poppler();
        var text = await poppler.TextAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Inspection report", text, StringComparison.Ordinal);
        Assert.Contains("정보보호 점검 보고서", text, StringComparison.Ordinal);
        Assert.Contains("roll_entries.owner_name_protected", text, StringComparison.Ordinal);
        Assert.Contains("archive_mode = off", text, StringComparison.Ordinal);
        Assert.Contains("Audit chain", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_auditors_and_provider_admins_may_have_it_and_each_report_is_audited()
    {
        var organizerSecret = await system.RegisterClientAsync("inspection-organizer", [Roles.Organizer], [Scopes.Identity]);
        using var organizer = await system.ClientAsync(system.Identity, Scopes.Identity, "inspection-organizer", organizerSecret);
        Assert.Equal(HttpStatusCode.Forbidden, (await organizer.GetAsync("/api/identity/inspection")).StatusCode);
        var officerSecret = await system.RegisterClientAsync("inspection-officer", [Roles.DistrictOfficer], [Scopes.Identity], district: "중랑구");
        using var officer = await system.ClientAsync(system.Identity, Scopes.Identity, "inspection-officer", officerSecret);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/identity/inspection/report.pdf")).StatusCode);
        using var anonymous = system.Identity.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/identity/inspection")).StatusCode);

        using var admin = await system.ClientAsync(system.Identity, Scopes.Identity);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/identity/inspection")).StatusCode);
        using var auditor = await AuditorAsync();
        var trail = await auditor.GetFromJsonAsync<JsonElement>("/api/identity/audit?limit=1000");
        Assert.Contains(trail.GetProperty("records").EnumerateArray(),
            r => r.GetProperty("action").GetString() == "inspection.report" && r.GetProperty("actor").GetString() == "moatown-dev");
    }

    private async Task<HttpClient> AuditorAsync()
    {
        var secret = await system.RegisterClientAsync(AuditorClient, [Roles.Auditor], [Scopes.Identity]);
        return await system.ClientAsync(system.Identity, Scopes.Identity, AuditorClient, secret);
    }
}
