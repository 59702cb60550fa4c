using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Moatown.IntegrationTests.Infrastructure;

/// <summary>A campaign with a roll, opened through the API the way an organizer does it.</summary>
public static class OpenCampaigns
{
    /// <summary>Creates a campaign with a signable consent form, imports the roll and opens it.</summary>
    public static async Task<Guid> CreateOpenCampaignAsync(this HttpClient campaigns, string name, string? roll = null, object? counting = null)
    {
        using var created = await campaigns.PostAsJsonAsync("/api/campaigns", new
        {
            name,
            district = "중랑구",
            areaName = name,
            counting,
            consentForm = CampaignRequests.CompleteConsentForm,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var imported = await campaigns.PutRollAsync(id, roll ?? CampaignRequests.SampleRoll);
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        using var opened = await campaigns.PostAsync($"/api/campaigns/{id}/open", null);
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>The holders of the current roll by masked name ("김*준"), which is unique in the sample roll.</summary>
    public static async Task<Dictionary<string, Guid>> HoldersByMaskedNameAsync(this HttpClient campaigns, Guid campaignId)
    {
        var holders = await campaigns.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/holders");
        return holders.EnumerateArray().ToDictionary(h => h.GetProperty("name").GetString()!, h => h.GetProperty("holderId").GetGuid());
    }

    public static Task<JsonElement> TallyAsync(this HttpClient campaigns, Guid campaignId) =>
        campaigns.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/tally");

    public static Task<HttpResponseMessage> PaperAsync(this HttpClient campaigns, Guid campaignId, string kind, object body) =>
        campaigns.PostAsJsonAsync($"/api/campaigns/{campaignId}/paper-{kind}", body);
}
