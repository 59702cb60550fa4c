using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Signing;

/// <summary>
/// A verified owner reads their form, signs it, and the consent is sealed, stored and counted; a
/// repeat returns the first result; a withdrawal after a fresh verification is sealed too and the
/// count goes back. Every service real, the documents checked with pdfsig.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class SigningFlowTests(SystemFixture system)
{
    private static readonly object Strokes = new
    {
        strokes = new[] { new[] { new { x = 20, y = 100 }, new { x = 80, y = 30 }, new { x = 140, y = 110 }, new { x = 220, y = 40 } } },
        width = 300,
        height = 150,
    };

    [Fact]
    public async Task An_owner_signs_the_form_they_read_the_consent_is_sealed_and_counted_and_a_repeat_returns_the_first()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await campaigns.CreateOpenCampaignAsync("전자 서명");
        var minjun = (await campaigns.HoldersByMaskedNameAsync(campaignId))["김*준"];
        using var signing = await SignerAsync(campaigns, campaignId, minjun);
        var ownersBefore = (await campaigns.TallyAsync(campaignId)).GetProperty("owners").GetProperty("consented").GetInt32();

        var form = await signing.GetFromJsonAsync<JsonElement>("/api/signing/form");
        var pdf = await signing.GetByteArrayAsync(form.GetProperty("pdfUrl").GetString());
        var formSha256 = form.GetProperty("formSha256").GetString()!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), formSha256);
        Assert.Contains("동의합니다", form.GetProperty("html").GetString());
        var items = form.GetProperty("statutoryItems").GetArrayLength();
        var pdfText = await PdfTextAsync(pdf);
        Assert.Contains("김민준", pdfText);
        Assert.Contains("중화동 1-1", pdfText);

        var key = Guid.NewGuid().ToString();
        using var submitted = await signing.PostAsJsonAsync("/api/signing/consents",
            new { idempotencyKey = key, formSha256, agreedItems = Enumerable.Range(1, items), signature = Strokes });
        Assert.True(submitted.StatusCode == HttpStatusCode.Accepted, await submitted.Content.ReadAsStringAsync());
        var consent = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var consentId = consent.GetProperty("consentId").GetGuid();
        Assert.Matches("^MT-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$", consent.GetProperty("receiptNumber").GetString());

        var sealedConsent = await SealedAsync(signing, consentId);
        Assert.StartsWith("sha256:", sealedConsent.GetProperty("documentHash").GetString());

        // Counted by campaigns' ledger, at the time-stamp's time.
        await Eventually.HoldsAsync(async () =>
            (await campaigns.TallyAsync(campaignId)).GetProperty("owners").GetProperty("consented").GetInt32() == ownersBefore + 1,
            TimeSpan.FromSeconds(30), "the consent is counted");

        // The same submission again, or another one while the consent stands, answers the first.
        using var repeat = await signing.PostAsJsonAsync("/api/signing/consents",
            new { idempotencyKey = key, formSha256, agreedItems = Enumerable.Range(1, items), signature = Strokes });
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(consentId, (await repeat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consentId").GetGuid());
        using var second = await signing.PostAsJsonAsync("/api/signing/consents",
            new { idempotencyKey = Guid.NewGuid().ToString(), formSha256, agreedItems = Enumerable.Range(1, items), signature = Strokes });
        Assert.Equal(consentId, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consentId").GetGuid());

        // The sealed document: the signature and its time-stamp check out with pdfsig and our own verifier.
        var sealedPdf = await DownloadAsync(sealedConsent.GetProperty("documentHash").GetString()!, campaignId);
        var report = await PdfSigAsync(sealedPdf);
        Assert.Contains("Signature is Valid", report);
        Assert.Contains("Total document signed", report);
        Assert.Contains("ETSI.CAdES.detached", report);
        var text = await PdfTextAsync(sealedPdf);
        Assert.Contains("[동의함]", text);
        Assert.Contains(minjun.ToString(), text);
    }

    [Fact]
    public async Task Every_item_must_be_agreed_and_a_withdrawal_after_a_fresh_verification_is_sealed_and_uncounted()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await campaigns.CreateOpenCampaignAsync("동의 철회");
        var seoyeon = (await campaigns.HoldersByMaskedNameAsync(campaignId))["이*연"];
        using var signing = await SignerAsync(campaigns, campaignId, seoyeon);
        var ownersBefore = await ConsentedOwnersAsync(campaigns, campaignId);
        var form = await signing.GetFromJsonAsync<JsonElement>("/api/signing/form");
        var formSha256 = form.GetProperty("formSha256").GetString()!;
        var items = form.GetProperty("statutoryItems").GetArrayLength();

        var partial = await (await signing.PostAsJsonAsync("/api/signing/consents",
                new { idempotencyKey = Guid.NewGuid().ToString(), formSha256, agreedItems = new[] { 1 }, signature = Strokes }))
            .AssertProblemAsync(items > 1 ? HttpStatusCode.UnprocessableEntity : HttpStatusCode.Accepted);
        Assert.Equal("not-every-item-agreed", partial.GetProperty("reason").GetString());

        using var signed = await signing.PostAsJsonAsync("/api/signing/consents",
            new { idempotencyKey = Guid.NewGuid().ToString(), formSha256, agreedItems = Enumerable.Range(1, items), signature = Strokes });
        var consentId = (await signed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consentId").GetGuid();
        await SealedAsync(signing, consentId);
        await Eventually.HoldsAsync(async () => await StandingAsync(campaigns, campaignId, seoyeon) == "consent",
            TimeSpan.FromSeconds(30), "the consent is counted");
        Assert.True(await ConsentedOwnersAsync(campaigns, campaignId) > ownersBefore, "the tally moved up");
        var sealedConsentPdf = await signing.GetByteArrayAsync($"/api/signing/consents/{consentId}/document");
        var verdict = await VerifyAsync(sealedConsentPdf);
        Assert.Equal(consentId, verdict.GetProperty("consentId").GetGuid());
        Assert.Equal("valid", verdict.GetProperty("consentStatus").GetString());

        using var withdrawn = await signing.PostAsJsonAsync("/api/signing/withdrawals",
            new { idempotencyKey = Guid.NewGuid().ToString(), formSha256, signature = Strokes });
        Assert.True(withdrawn.StatusCode == HttpStatusCode.Accepted, await withdrawn.Content.ReadAsStringAsync());
        var withdrawal = await withdrawn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("withdrawal", withdrawal.GetProperty("kind").GetString());
        var sealedWithdrawal = await SealedAsync(signing, withdrawal.GetProperty("consentId").GetGuid());

        await Eventually.HoldsAsync(async () => await StandingAsync(campaigns, campaignId, seoyeon) == "withdrawal",
            TimeSpan.FromSeconds(30), "the withdrawal is counted");
        Assert.Equal(ownersBefore, await ConsentedOwnersAsync(campaigns, campaignId));
        // The consent's document still verifies, and says it was withdrawn.
        var afterWithdrawal = await VerifyAsync(sealedConsentPdf);
        Assert.True(afterWithdrawal.GetProperty("signatureValid").GetBoolean());
        Assert.Equal("withdrawn", afterWithdrawal.GetProperty("consentStatus").GetString());
        var text = await PdfTextAsync(await DownloadAsync(sealedWithdrawal.GetProperty("documentHash").GetString()!, campaignId));
        Assert.Contains("철회", text);
    }

    private static async Task<int> ConsentedOwnersAsync(HttpClient campaigns, Guid campaignId) =>
        (await campaigns.TallyAsync(campaignId)).GetProperty("owners").GetProperty("consented").GetInt32();

    private async Task<JsonElement> VerifyAsync(byte[] pdf)
    {
        using var anyone = system.Documents.CreateClient();
        using var response = await anyone.PostAsync("/api/documents/verify", new ByteArrayContent(pdf) { Headers = { ContentType = new("application/pdf") } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HttpClient> SignerAsync(HttpClient campaigns, Guid campaignId, Guid holderId)
    {
        var client = system.Signing.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await system.SignerTokenAsync(campaigns, campaignId, holderId));
        return client;
    }

    private static async Task<JsonElement> SealedAsync(HttpClient signing, Guid consentId)
    {
        JsonElement consent = default;
        await Eventually.HoldsAsync(async () =>
        {
            consent = await signing.GetFromJsonAsync<JsonElement>($"/api/signing/consents/{consentId}");
            return consent.GetProperty("status").GetString() == "sealed";
        }, TimeSpan.FromSeconds(60), "the submission is sealed");
        return consent;
    }

    private static async Task<string?> StandingAsync(HttpClient campaigns, Guid campaignId, Guid holderId)
    {
        var holders = await campaigns.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/holders");
        var holder = holders.EnumerateArray().Single(h => h.GetProperty("holderId").GetGuid() == holderId);
        return holder.GetProperty("consent").ValueKind == JsonValueKind.Object ? holder.GetProperty("consent").GetProperty("action").GetString() : null;
    }

    /// <summary>The sealed document from the vault, as a provider admin downloads it (found by its hash among the campaign's).</summary>
    private async Task<byte[]> DownloadAsync(string documentHash, Guid campaignId)
    {
        var sha256 = documentHash["sha256:".Length..];
        var documentId = await system.QueryDocumentsAsync(db => Task.FromResult(db.Documents.Where(d => d.CampaignId == campaignId && d.Sha256 == sha256)
            .Select(d => d.Id).Single()));
        using var documents = await system.ClientAsync(system.Documents, Scopes.Documents);
        return await documents.GetByteArrayAsync($"/api/documents/{documentId}/content?purpose=test");
    }

    private static async Task<string> PdfSigAsync(byte[] pdf) => await WithFileAsync(pdf, path => CommandLineTools.RunAsync("pdfsig", "-nocert", path));

    private static async Task<string> PdfTextAsync(byte[] pdf) => await WithFileAsync(pdf, path => CommandLineTools.RunAsync("pdftotext", "-layout", path, "-"));

    private static async Task<string> WithFileAsync(byte[] pdf, Func<string, Task<string>> run)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            return await run(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
