using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Moatown.Documents.Consents;
using Moatown.IntegrationTests.Infrastructure;

namespace Moatown.IntegrationTests.Documents;

/// <summary>
/// Residents of one campaign signing in the same moment: the documents service seals their
/// submissions in several lanes at once, and each one is sealed exactly once, into its own document.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class SealQueueTests(SystemFixture system)
{
    // The sample roll's owners who have a phone number, so each can be verified by text.
    private static readonly string[] OwnersWithPhones = ["김*준", "이*연", "박*훈", "최*진", "정*은", "임*아", "장*호", "한*준"];

    [Fact]
    public async Task A_burst_of_consents_is_sealed_once_each_into_its_own_document()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Moatown.ServiceDefaults.Authentication.Scopes.Campaigns);
        var campaignId = await campaigns.CreateOpenCampaignAsync("동시 서명");
        var holders = await campaigns.HoldersByMaskedNameAsync(campaignId);
        var signers = new List<(HttpClient Client, JsonElement Form)>();
        foreach (var owner in OwnersWithPhones)
        {
            var client = system.Signing.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await system.SignerTokenAsync(campaigns, campaignId, holders[owner]));
            signers.Add((client, await client.GetFromJsonAsync<JsonElement>("/api/signing/form")));
        }

        // Every submission at once, so the queue holds them all together.
        var consentIds = await Task.WhenAll(signers.Select(async signer =>
        {
            using var submitted = await signer.Client.PostAsJsonAsync("/api/signing/consents", new
            {
                idempotencyKey = Guid.NewGuid().ToString(),
                formSha256 = signer.Form.GetProperty("formSha256").GetString(),
                agreedItems = Enumerable.Range(1, signer.Form.GetProperty("statutoryItems").GetArrayLength()),
                signature = new { strokes = new[] { new[] { new { x = 20, y = 100 }, new { x = 140, y = 30 }, new { x = 220, y = 110 } } }, width = 300, height = 150 },
            });
            Assert.True(submitted.StatusCode == HttpStatusCode.Accepted, await submitted.Content.ReadAsStringAsync());
            return (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consentId").GetGuid();
        }));

        foreach (var (client, _) in signers) client.Dispose();

        List<SealJob> jobs = [];
        await Eventually.HoldsAsync(async () =>
        {
            jobs = await system.QueryDocumentsAsync(db => db.SealJobs.AsNoTracking().Where(j => consentIds.Contains(j.ConsentId)).ToListAsync());
            return jobs.Count == consentIds.Length && jobs.All(j => j.SealedAt is not null);
        }, TimeSpan.FromSeconds(90), "every submission is sealed");
        var documents = await system.QueryDocumentsAsync(db => db.Documents.AsNoTracking()
            .Where(d => d.CampaignId == campaignId && d.Kind == "consent").Select(d => new { d.Id, d.Sha256 }).ToListAsync());

        // One attempt each (no lane sealed a job another had), one document each, and no stray ones.
        Assert.All(jobs, job => Assert.Equal(1, job.Attempts));
        Assert.Equal(consentIds.Length, jobs.Select(j => j.DocumentId).Distinct().Count());
        Assert.Equal(jobs.Select(j => j.DocumentId!.Value).Order(), documents.Select(d => d.Id).Order());
        Assert.Equal(consentIds.Length, documents.Select(d => d.Sha256).Distinct().Count());
    }
}
