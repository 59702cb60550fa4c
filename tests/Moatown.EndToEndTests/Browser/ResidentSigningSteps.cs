using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Moatown.EndToEndTests.Browser;

/// <summary>
/// A resident signs, for tests that need a signature rather than test the signing: for now through the
/// API as <see cref="SigningThroughGatewayTests"/> does (invited by text, code from the sink, form agreed,
/// signature sent). (Its pages are tested in <see cref="ResidentFlowTests"/>.)
/// </summary>
public static class ResidentSigningSteps
{
    /// <summary>The holder signs and waits for the seal; answers the consent (id, receipt number) and the sealed PDF.</summary>
    public static async Task<(JsonElement Consent, byte[] Pdf)> SignAndSealAsync(
        SystemUnderTest system, HttpClient campaigns, HttpClient notifications, Guid campaignId, Guid holderId)
    {
        using var resident = new HttpClient(new SocketsHttpHandler()) { BaseAddress = system.Gateway.BaseAddress };
        resident.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await GatewayResidents.SignerTokenAsync(system.Gateway, campaigns, notifications, campaignId, holderId));
        var form = await resident.GetFromJsonAsync<JsonElement>("/api/signing/form");
        using var signed = await resident.PostAsJsonAsync("/api/signing/consents", new
        {
            idempotencyKey = Guid.NewGuid().ToString(),
            formSha256 = form.GetProperty("formSha256").GetString(),
            agreedItems = Enumerable.Range(1, form.GetProperty("statutoryItems").GetArrayLength()),
            signature = new { strokes = new[] { new[] { new { x = 10, y = 60 }, new { x = 120, y = 20 }, new { x = 200, y = 90 } } }, width = 300, height = 150 },
        });
        Assert.True(signed.StatusCode == HttpStatusCode.Accepted, await signed.Content.ReadAsStringAsync());
        var consentId = (await signed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consentId").GetGuid();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement consent;
        do
        {
            await Task.Delay(500);
            consent = await resident.GetFromJsonAsync<JsonElement>($"/api/signing/consents/{consentId}");
        }
        while (consent.GetProperty("status").GetString() != "sealed" && DateTime.UtcNow < deadline);
        Assert.Equal("sealed", consent.GetProperty("status").GetString());
        return (consent, await resident.GetByteArrayAsync($"/api/signing/consents/{consentId}/document"));
    }
}
