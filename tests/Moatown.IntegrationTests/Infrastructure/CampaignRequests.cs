using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Moatown.IntegrationTests.Infrastructure;

public static class CampaignRequests
{
    public static readonly string SampleRoll = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "registry-sample.csv"));

    /// <summary>A form an owner could sign: what a campaign needs before it opens.</summary>
    public static readonly object CompleteConsentForm = new
    {
        title = "모아타운 주민제안 동의서",
        body = "본인은 아래 구역의 모아타운 관리계획 수립을 위한 주민제안에 동의합니다.",
        statutoryItems = new[] { "사업의 개요", "개인정보 수집·이용 동의" },
    };

    /// <summary>Creates a campaign and returns its id; fails the test unless the API answers 201.</summary>
    public static async Task<Guid> CreateCampaignAsync(this HttpClient campaigns, string name, string district = "중랑구")
    {
        using var response = await campaigns.PostAsJsonAsync("/api/campaigns", new { name, district, areaName = $"{name} 구역" });
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"Expected 201, got {(int)response.StatusCode} {response.Headers.WwwAuthenticate} {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>Creates a campaign with a complete consent form and the sample roll: ready to open.</summary>
    public static async Task<Guid> CreateReadyCampaignAsync(this HttpClient campaigns, string name, string district = "중랑구")
    {
        using var response = await campaigns.PostAsJsonAsync("/api/campaigns",
            new { name, district, areaName = $"{name} 구역", consentForm = CompleteConsentForm });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var roll = await campaigns.PutRollAsync(id, SampleRoll);
        Assert.Equal(HttpStatusCode.Created, roll.StatusCode);
        return id;
    }

    public static Task<HttpResponseMessage> PutRollAsync(this HttpClient campaigns, Guid campaignId, string csv) =>
        campaigns.PutAsync($"/api/campaigns/{campaignId}/roll", new StringContent(csv, Encoding.UTF8, "text/csv"));
}
