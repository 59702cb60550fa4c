using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Moatown.EndToEndTests;

/// <summary>What an organizer and a resident do through the gateway, shared by the end-to-end tests.</summary>
public static partial class GatewayResidents
{
    private const string Verifications = "/api/identity/resident-verifications";

    public static async Task<(Guid CampaignId, Dictionary<string, Guid> Holders)> OpenSampleCampaignAsync(HttpClient campaigns, string name)
    {
        using var created = await campaigns.PostAsJsonAsync("/api/campaigns", new
        {
            name,
            district = "중랑구",
            areaName = name,
            consentForm = new { title = "동의서", body = "관리계획 수립에 동의합니다.", statutoryItems = new[] { "사업의 개요" } },
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var csv = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "registry-sample.csv"));
        (await campaigns.PutAsync($"/api/campaigns/{id}/roll", new StringContent(csv, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        (await campaigns.PostAsync($"/api/campaigns/{id}/open", null)).EnsureSuccessStatusCode();
        var holders = await campaigns.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/holders");
        return (id, holders.EnumerateArray().ToDictionary(h => h.GetProperty("name").GetString()!, h => h.GetProperty("holderId").GetGuid()));
    }

    /// <summary>The newest text of a template to a holder in the sink, waiting up to a minute for it.</summary>
    public static async Task<string> ReadTextAsync(HttpClient notifications, Guid campaignId, Guid holderId, string template)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var outbox = await notifications.GetFromJsonAsync<JsonElement>("/api/notifications/outbox?take=200");
            var message = outbox.EnumerateArray().FirstOrDefault(m => m.GetProperty("campaignId").GetGuid() == campaignId
                && m.GetProperty("holderId").GetGuid() == holderId && m.GetProperty("template").GetString() == template);
            if (message.ValueKind == JsonValueKind.Object)
            {
                return message.GetProperty("text").GetString()!;
            }
            Assert.True(DateTime.UtcNow < deadline, $"a {template} text reached the sink within a minute");
            await Task.Delay(500);
        }
    }

    /// <summary>A signer token for the holder: invited by text, link opened, code from the sink typed.</summary>
    public static async Task<string> SignerTokenAsync(HttpClient gateway, HttpClient campaigns, HttpClient notifications, Guid campaignId, Guid holderId)
    {
        (await campaigns.PostAsJsonAsync($"/api/campaigns/{campaignId}/invitations", new { holderIds = new[] { holderId } })).EnsureSuccessStatusCode();
        var token = LinkPattern().Match(await ReadTextAsync(notifications, campaignId, holderId, "invitation.v1")).Groups[1].Value;
        using var started = await gateway.PostAsJsonAsync($"{Verifications}/link", new { token });
        started.EnsureSuccessStatusCode();
        var challengeId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("challengeId").GetGuid();
        var code = CodePattern().Match(await ReadTextAsync(notifications, campaignId, holderId, "verification-code.v2")).Groups[1].Value;
        using var verified = await gateway.PostAsJsonAsync($"{Verifications}/{challengeId}/code", new { code });
        Assert.True(verified.IsSuccessStatusCode, await verified.Content.ReadAsStringAsync());
        return (await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("signerToken").GetString()!;
    }

    [GeneratedRegex(@"/i/([A-Za-z0-9_\-]+)")]
    public static partial Regex LinkPattern();

    [GeneratedRegex(@"\[(\d{6})\]")]
    public static partial Regex CodePattern();
}
