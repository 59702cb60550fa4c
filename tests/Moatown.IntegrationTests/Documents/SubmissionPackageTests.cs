using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Moatown.Documents.Vault;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Documents;

/// <summary>
/// The district office's package of a campaign: two owners sign, the package holds both sealed PDFs,
/// a roster without names, the tally, and a signed manifest that the offline verifier and openssl
/// accept — and that the verifier refuses once a PDF or the manifest is changed.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class SubmissionPackageTests(SystemFixture system)
{
    private static readonly object Strokes = new
    {
        strokes = new[] { new[] { new { x = 20, y = 100 }, new { x = 80, y = 30 }, new { x = 140, y = 110 }, new { x = 220, y = 40 } } },
        width = 300,
        height = 150,
    };

    [Fact]
    public async Task The_package_holds_every_sealed_consent_a_roster_without_names_the_tally_and_a_manifest_the_verifier_accepts()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await campaigns.CreateOpenCampaignAsync("제출 패키지");
        var holders = await campaigns.HoldersByMaskedNameAsync(campaignId);
        var consentIds = new[] { await SignAsync(campaigns, campaignId, holders["김*준"]), await SignAsync(campaigns, campaignId, holders["이*연"]) };
        var documents = await system.QueryDocumentsAsync(db => Task.FromResult(db.Documents
            .Where(d => d.CampaignId == campaignId && (d.Kind == "consent" || d.Kind == "withdrawal")).Select(d => d.Sha256).ToList()));
        Assert.Equal(2, documents.Count);

        using var admin = await system.ClientAsync(system.Documents, Scopes.Documents);
        using var response = await admin.GetAsync($"/api/documents/campaigns/{campaignId}/package");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var package = await response.Content.ReadAsByteArrayAsync();
        var entries = PackageZips.Entries(package);

        // Every sealed PDF, as the vault holds it.
        var pdfs = entries.Where(e => e.Key.StartsWith("consents/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, pdfs.Count);
        Assert.Equal(documents.Order(), pdfs.Select(p => Convert.ToHexStringLower(SHA256.HashData(p.Value))).Order());
        foreach (var consentId in consentIds)
        {
            Assert.Contains($"consents/{consentId}-consent.pdf", entries.Keys);
        }

        // The roster: UTF-8 with a BOM, one row per consent, pseudonyms and no names.
        var rosterBytes = entries["roster.csv"];
        Assert.Equal(Encoding.UTF8.GetPreamble(), rosterBytes[..3]);
        var roster = Encoding.UTF8.GetString(rosterBytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("consent_id,kind,holder_id,", roster[0]);
        Assert.Equal(3, roster.Length);
        foreach (var consentId in consentIds)
        {
            var row = Assert.Single(roster, r => r.StartsWith(consentId.ToString(), StringComparison.Ordinal)).Split(',');
            Assert.Equal("consent", row[1]);
            Assert.NotEqual("", row[5]);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(entries[row[6]])), row[7]);
        }
        foreach (var text in new[] { Encoding.UTF8.GetString(rosterBytes), Encoding.UTF8.GetString(entries["explanation.json"]) })
        {
            Assert.DoesNotContain("김민준", text);
            Assert.DoesNotContain("이서연", text);
        }

        // The tally and how each owner was counted, as campaigns computes them.
        var tally = JsonDocument.Parse(entries["tally.json"]).RootElement;
        var staffTally = await campaigns.TallyAsync(campaignId);
        Assert.Equal(staffTally.GetProperty("owners").GetProperty("consented").GetInt32(), tally.GetProperty("owners").GetProperty("consented").GetInt32());
        Assert.True(tally.GetProperty("owners").GetProperty("consented").GetInt32() >= 2);
        Assert.True(JsonDocument.Parse(entries["explanation.json"]).RootElement.GetProperty("owners").GetArrayLength() > 0);

        // The manifest lists every other entry; entries come in a fixed order.
        var manifest = JsonDocument.Parse(entries["manifest.json"]).RootElement;
        Assert.Equal(campaignId, manifest.GetProperty("campaignId").GetGuid());
        Assert.Equal("moatown-dev", manifest.GetProperty("createdBy").GetString());
        var listed = manifest.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).ToList();
        Assert.Equal([.. listed, "manifest.json", "manifest.json.p7s"], PackageZips.Names(package));
        Assert.Equal(["README.txt", "seal-roots.pem", "roster.csv", "tally.json", "explanation.json"], listed.Take(5));
        Assert.Contains("openssl cms -verify", Encoding.UTF8.GetString(entries["README.txt"]));

        // Audited: the package, and each document read into it.
        var audit = await system.QueryDocumentsAsync(db => Task.FromResult(db.VaultAudit
            .Where(a => a.CampaignId == campaignId && a.Action == VaultActions.Package).ToList()));
        Assert.Contains(audit, a => a.DocumentId == null && a.Actor == "moatown-dev" && a.Outcome == "2 documents");
        Assert.Equal(2, audit.Count(a => a.DocumentId != null && a.Outcome == "ok"));

        // The offline verifier, against the published roots and against the package's own (with a warning).
        var roots = Path.Combine(Path.GetTempPath(), $"seal-roots-{Guid.NewGuid():N}.pem");
        await File.WriteAllBytesAsync(roots, await admin.GetByteArrayAsync("/api/documents/trust/seal-roots.pem"));
        try
        {
            var published = await PackageVerifierProcess.RunAsync(package, "--roots", roots);
            Assert.True(published.ExitCode == 0, published.Output);
            Assert.EndsWith("OK", published.Output.TrimEnd());
            Assert.DoesNotContain("WARNING", published.Output);
        }
        finally
        {
            File.Delete(roots);
        }
        var own = await PackageVerifierProcess.RunAsync(package);
        Assert.True(own.ExitCode == 0, own.Output);
        Assert.Contains("WARNING", own.Output);
        Assert.Contains("/api/documents/trust/seal-roots.pem", own.Output);

        // openssl checks the manifest's signature the way README.txt says.
        await OpensslVerifiesAsync(entries);

        // One byte of one PDF changed: the verifier names the file.
        var pdfPath = pdfs[0].Key;
        var flipped = await PackageVerifierProcess.RunAsync(PackageZips.With(package, pdfPath, bytes =>
        {
            var copy = (byte[])bytes.Clone();
            copy[copy.Length / 2] ^= 0x01;
            return copy;
        }));
        Assert.Equal(1, flipped.ExitCode);
        Assert.Contains($"FAILED: {pdfPath}: SHA-256 differs from the manifest", flipped.Output);

        // The manifest changed (here who made it): its signature no longer verifies.
        var forged = await PackageVerifierProcess.RunAsync(PackageZips.With(package, "manifest.json",
            bytes => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("moatown-dev", "moatown-xyz", StringComparison.Ordinal))));
        Assert.Equal(1, forged.ExitCode);
        Assert.Contains("FAILED: manifest.json.p7s: the signature does not verify", forged.Output);
    }

    [Fact]
    public async Task Another_organizer_and_anonymous_callers_get_no_package_and_an_unknown_campaign_is_not_found()
    {
        var organizerSecret = await system.RegisterClientAsync("package-organizer", [Roles.Organizer], [Scopes.Documents]);
        using var organizer = await system.ClientAsync(system.Documents, Scopes.Documents, "package-organizer", organizerSecret);
        using var anonymous = system.Documents.CreateClient();
        using var admin = await system.ClientAsync(system.Documents, Scopes.Documents);
        var path = $"/api/documents/campaigns/{Guid.NewGuid()}/package";

        using var byOrganizer = await organizer.GetAsync(path);
        using var byAnonymous = await anonymous.GetAsync(path);
        using var unknown = await admin.GetAsync(path);

        // An organizer, but not this campaign's (documents has not heard of it): not found.
        Assert.Equal(HttpStatusCode.NotFound, byOrganizer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // Campaigns' copy for the package is for the documents service only, not for staff tokens.
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        using var direct = await campaigns.GetAsync($"/internal/campaigns/{Guid.NewGuid()}/tally-explanation");
        Assert.Equal(HttpStatusCode.Forbidden, direct.StatusCode);
    }

    /// <summary>The holder reads their form and signs every item; returns the consent id once it is sealed.</summary>
    private async Task<Guid> SignAsync(HttpClient campaigns, Guid campaignId, Guid holderId)
    {
        using var signing = system.Signing.CreateClient();
        signing.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await system.SignerTokenAsync(campaigns, campaignId, holderId));
        var form = await signing.GetFromJsonAsync<JsonElement>("/api/signing/form");
        using var submitted = await signing.PostAsJsonAsync("/api/signing/consents", new
        {
            idempotencyKey = Guid.NewGuid().ToString(),
            formSha256 = form.GetProperty("formSha256").GetString(),
            agreedItems = Enumerable.Range(1, form.GetProperty("statutoryItems").GetArrayLength()),
            signature = Strokes,
        });
        Assert.True(submitted.StatusCode == HttpStatusCode.Accepted, await submitted.Content.ReadAsStringAsync());
        var consentId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consentId").GetGuid();
        await Eventually.HoldsAsync(async () =>
            (await signing.GetFromJsonAsync<JsonElement>($"/api/signing/consents/{consentId}")).GetProperty("status").GetString() == "sealed",
            TimeSpan.FromSeconds(60), "the submission is sealed");
        // Counted too: the package's tally is taken after both.
        await Eventually.HoldsAsync(async () =>
            (await campaigns.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/holders"))
                .EnumerateArray().Single(h => h.GetProperty("holderId").GetGuid() == holderId).GetProperty("consent").ValueKind == JsonValueKind.Object,
            TimeSpan.FromSeconds(30), "the consent is counted");
        return consentId;
    }

    private static async Task OpensslVerifiesAsync(Dictionary<string, byte[]> entries)
    {
        var directory = Directory.CreateTempSubdirectory("package-");
        try
        {
            foreach (var name in new[] { "manifest.json", "manifest.json.p7s", "seal-roots.pem" })
            {
                await File.WriteAllBytesAsync(Path.Combine(directory.FullName, name), entries[name]);
            }
            await CommandLineTools.RunAsync("openssl", "cms", "-verify", "-binary", "-inform", "DER",
                "-in", Path.Combine(directory.FullName, "manifest.json.p7s"), "-content", Path.Combine(directory.FullName, "manifest.json"),
                "-CAfile", Path.Combine(directory.FullName, "seal-roots.pem"), "-purpose", "any", "-out", "/dev/null");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
