using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Moatown.Benchmarks.Import;

public static class CampaignRequests
{
    public static async Task<Guid> CreateCampaignAsync(this HttpClient campaigns, string name, CancellationToken cancellationToken)
    {
        using var response = await campaigns.PostAsJsonAsync("/api/campaigns", new
        {
            name,
            district = "중랑구",
            areaName = $"{name} 구역",
            // Complete, so that a benchmark can open the campaign and record consents.
            consentForm = new { title = "모아타운 관리계획 수립 동의서", body = "관리계획 수립에 동의합니다.", statutoryItems = new[] { "사업의 개요" } },
        }, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"Creating a campaign answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>PUT /api/campaigns/{id}/roll; returns the holder count of the new version, or throws unless 201.</summary>
    public static async Task<int> ImportRollAsync(this HttpClient campaigns, Guid campaignId, byte[] csv, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        using var response = await campaigns.PutAsync($"/api/campaigns/{campaignId}/roll", content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"The roll import answered {(int)response.StatusCode}: {text[..Math.Min(text.Length, 2000)]}");
        return JsonDocument.Parse(text).RootElement.GetProperty("holders").GetInt32();
    }

    public static async Task OpenAsync(this HttpClient campaigns, Guid campaignId, CancellationToken cancellationToken)
    {
        using var response = await campaigns.PostAsync($"/api/campaigns/{campaignId}/open", null, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Opening the campaign answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }
}
