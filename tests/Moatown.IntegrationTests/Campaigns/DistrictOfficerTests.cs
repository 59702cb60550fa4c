using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Campaigns;

/// <summary>A district office reviews the campaigns of its own district, read-only.</summary>
[Collection(SystemCollection.Name)]
public sealed class DistrictOfficerTests(SystemFixture system)
{
    [Fact]
    public async Task A_district_officer_reads_the_campaigns_of_their_district_only()
    {
        using var admin = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var jungnang = await admin.CreateReadyCampaignAsync("중화동 모아타운", district: "중랑구");
        var dongjak = await admin.CreateCampaignAsync("사당동 모아타운", district: "동작구");
        using var officer = await OfficerAsync("officer-jungnang", "중랑구");

        using var own = await officer.GetAsync($"/api/campaigns/{jungnang}");
        using var other = await officer.GetAsync($"/api/campaigns/{dongjak}");
        var list = await officer.GetFromJsonAsync<JsonElement>("/api/campaigns");
        using var holders = await officer.GetAsync($"/api/campaigns/{jungnang}/holders");
        using var roll = await officer.GetAsync($"/api/campaigns/{jungnang}/roll");
        using var otherHolders = await officer.GetAsync($"/api/campaigns/{dongjak}/holders");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await other.AssertProblemAsync(HttpStatusCode.NotFound);
        var listed = list.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(jungnang, listed);
        Assert.DoesNotContain(dongjak, listed);
        Assert.All(list.EnumerateArray(), c => Assert.Equal("중랑구", c.GetProperty("area").GetProperty("district").GetString()));
        Assert.Equal(HttpStatusCode.OK, holders.StatusCode);
        Assert.Equal(14, (await holders.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, roll.StatusCode);
        await otherHolders.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_district_officer_cannot_change_anything()
    {
        using var admin = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var id = await admin.CreateReadyCampaignAsync("read only", district: "중랑구");
        using var officer = await OfficerAsync("officer-writes", "중랑구");

        using var create = await officer.PostAsJsonAsync("/api/campaigns", new { name = "officer's", district = "중랑구", areaName = "구역" });
        using var update = await officer.PutAsJsonAsync($"/api/campaigns/{id}", new { name = "renamed", district = "중랑구", areaName = "구역" });
        using var open = await officer.PostAsync($"/api/campaigns/{id}/open", null);
        using var close = await officer.PostAsync($"/api/campaigns/{id}/close", null);
        using var roll = await officer.PutRollAsync(id, CampaignRequests.SampleRoll);

        foreach (var response in new[] { create, update, open, close, roll })
        {
            await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        var campaign = await admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
        Assert.Equal("read only", campaign.GetProperty("name").GetString());
        Assert.Equal("draft", campaign.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_district_officer_without_a_district_sees_nothing()
    {
        using var admin = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var id = await admin.CreateCampaignAsync("unbound", district: "중랑구");
        using var officer = await OfficerAsync("officer-unbound", district: null);

        using var campaign = await officer.GetAsync($"/api/campaigns/{id}");
        var list = await officer.GetFromJsonAsync<JsonElement>("/api/campaigns");

        await campaign.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, list.GetArrayLength());
    }

    [Fact]
    public async Task A_district_is_issued_only_to_a_district_officer()
    {
        var secret = await system.RegisterClientAsync("organizer-with-district", [Roles.Organizer], [Scopes.Campaigns], district: "중랑구");
        var officerSecret = await system.RegisterClientAsync("officer-token", [Roles.DistrictOfficer], [Scopes.Campaigns], district: "중랑구");

        var organizerClaims = Claims(await system.TokenAsync(Scopes.Campaigns, "organizer-with-district", secret));
        var officerClaims = Claims(await system.TokenAsync(Scopes.Campaigns, "officer-token", officerSecret));

        Assert.False(organizerClaims.TryGetProperty(MoatownClaims.District, out _));
        Assert.Equal("중랑구", officerClaims.GetProperty(MoatownClaims.District).GetString());
    }

    [Fact]
    public async Task An_organizer_who_is_also_a_district_officer_reads_the_district_but_changes_only_their_own()
    {
        var secret = await system.RegisterClientAsync("organizer-officer", [Roles.Organizer, Roles.DistrictOfficer], [Scopes.Campaigns], district: "동작구");
        using var both = await system.ClientAsync(system.Campaigns, Scopes.Campaigns, "organizer-officer", secret);
        using var admin = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var districts = await admin.CreateCampaignAsync("동작구 캠페인", district: "동작구");
        var own = await both.CreateCampaignAsync("own in 중랑구", district: "중랑구");

        var listed = (await both.GetFromJsonAsync<JsonElement>("/api/campaigns")).EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        using var update = await both.PutAsJsonAsync($"/api/campaigns/{districts}", new { name = "renamed", district = "동작구", areaName = "구역" });
        using var roll = await both.PutRollAsync(districts, CampaignRequests.SampleRoll);

        Assert.Contains(districts, listed);
        Assert.Contains(own, listed);
        await update.AssertProblemAsync(HttpStatusCode.NotFound);
        await roll.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<HttpClient> OfficerAsync(string clientId, string? district)
    {
        var secret = await system.RegisterClientAsync(clientId, [Roles.DistrictOfficer], [Scopes.Campaigns], district);
        return await system.ClientAsync(system.Campaigns, Scopes.Campaigns, clientId, secret);
    }

    private static JsonElement Claims(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        return JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '='))).RootElement;
    }
}
