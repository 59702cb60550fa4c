using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Signing;

/// <summary>
/// A returning resident asks where they stand: nothing yet, a consent (with its receipt), or a
/// withdrawal and the consent it took back. Only their own, from the signer token alone.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class CurrentConsentTests(SystemFixture system)
{
    private static readonly object Strokes = new
    {
        strokes = new[] { new[] { new { x = 20, y = 100 }, new { x = 80, y = 30 }, new { x = 140, y = 110 } } },
        width = 300,
        height = 150,
    };

    [Fact]
    public async Task A_holder_sees_nothing_then_their_consent_then_their_withdrawal_and_never_another_holders()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await campaigns.CreateOpenCampaignAsync("현재 동의 상태");
        var holders = await campaigns.HoldersByMaskedNameAsync(campaignId);
        using var minjun = await SignerAsync(campaigns, campaignId, holders["김*준"]);
        using var seoyeon = await SignerAsync(campaigns, campaignId, holders["이*연"]);

        var before = await minjun.GetFromJsonAsync<JsonElement>("/api/signing/consents/current");
        Assert.Equal("none", before.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("consent").ValueKind);

        var form = await minjun.GetFromJsonAsync<JsonElement>("/api/signing/form");
        var formSha256 = form.GetProperty("formSha256").GetString();
        using var signed = await minjun.PostAsJsonAsync("/api/signing/consents", new
        {
            idempotencyKey = Guid.NewGuid().ToString(), formSha256,
            agreedItems = Enumerable.Range(1, form.GetProperty("statutoryItems").GetArrayLength()), signature = Strokes,
        });
        Assert.Equal(HttpStatusCode.Accepted, signed.StatusCode);
        var consent = await signed.Content.ReadFromJsonAsync<JsonElement>();

        var consented = await minjun.GetFromJsonAsync<JsonElement>("/api/signing/consents/current");
        Assert.Equal("consented", consented.GetProperty("state").GetString());
        Assert.Equal(consent.GetProperty("consentId").GetGuid(), consented.GetProperty("consent").GetProperty("consentId").GetGuid());
        Assert.Equal(consent.GetProperty("receiptNumber").GetString(), consented.GetProperty("consent").GetProperty("receiptNumber").GetString());
        Assert.Equal(JsonValueKind.Null, consented.GetProperty("withdrawal").ValueKind);

        // Another holder of the same campaign sees only their own (nothing).
        var other = await seoyeon.GetFromJsonAsync<JsonElement>("/api/signing/consents/current");
        Assert.Equal("none", other.GetProperty("state").GetString());

        using var withdrawn = await minjun.PostAsJsonAsync("/api/signing/withdrawals",
            new { idempotencyKey = Guid.NewGuid().ToString(), formSha256, signature = Strokes });
        Assert.Equal(HttpStatusCode.Accepted, withdrawn.StatusCode);
        var withdrawal = await withdrawn.Content.ReadFromJsonAsync<JsonElement>();

        var after = await minjun.GetFromJsonAsync<JsonElement>("/api/signing/consents/current");
        Assert.Equal("withdrawn", after.GetProperty("state").GetString());
        Assert.Equal(consent.GetProperty("consentId").GetGuid(), after.GetProperty("consent").GetProperty("consentId").GetGuid());
        Assert.Equal(withdrawal.GetProperty("consentId").GetGuid(), after.GetProperty("withdrawal").GetProperty("consentId").GetGuid());
        Assert.Equal("withdrawal", after.GetProperty("withdrawal").GetProperty("kind").GetString());

        // Staff cannot ask: it is the resident's own standing.
        using var staff = await system.ClientAsync(system.Signing, Scopes.Signing);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/signing/consents/current")).StatusCode);
    }

    private async Task<HttpClient> SignerAsync(HttpClient campaigns, Guid campaignId, Guid holderId)
    {
        var client = system.Signing.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await system.SignerTokenAsync(campaigns, campaignId, holderId));
        return client;
    }
}
