using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Moatown.IntegrationTests.Infrastructure;

public static class CampaignRequests
{
    /// <summary>Creates a campaign and returns its id; fails the test unless the API answers 201.</summary>
    public static async Task<Guid> CreateCampaignAsync(this HttpClient campaigns, string name, string district = "중랑구")
    {
        using var response = await campaigns.PostAsJsonAsync("/api/campaigns", new { name, district, areaName = $"{name} 구역" });
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"Expected 201, got {(int)response.StatusCode} {response.Headers.WwwAuthenticate} {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("id").GetGuid();
    }
}
