using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Campaigns;

[Collection(SystemCollection.Name)]
public sealed class CampaignSettingsTests(SystemFixture system)
{
    [Fact]
    public async Task A_campaign_created_with_every_setting_reads_back_the_same()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);

        using var created = await campaigns.PostAsJsonAsync("/api/campaigns", new
        {
            name = "면목동 모아타운 1구역",
            district = "중랑구",
            areaName = "면목동 모아타운",
            address = "서울특별시 중랑구 면목동 일대",
            counting = new
            {
                ruleSet = "decree-33-2024",
                ownerThreshold = 0.666667m,
                landAreaThreshold = 0.5m,
                groupRule = "all-holders",
                excludePublicLandFromArea = true,
            },
            consentForm = CampaignRequests.CompleteConsentForm,
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var answer = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = answer.GetProperty("id").GetGuid();
        Assert.Equal($"/api/campaigns/{id}", created.Headers.Location?.OriginalString);
        var read = await campaigns.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
        foreach (var campaign in new[] { answer, read })
        {
            Assert.Equal("draft", campaign.GetProperty("status").GetString());
            Assert.Equal("moatown-dev", campaign.GetProperty("organizerId").GetString());
            var area = campaign.GetProperty("area");
            Assert.Equal("면목동 모아타운", area.GetProperty("name").GetString());
            Assert.Equal("중랑구", area.GetProperty("district").GetString());
            Assert.Equal("서울특별시 중랑구 면목동 일대", area.GetProperty("address").GetString());
            var counting = campaign.GetProperty("counting");
            Assert.Equal("decree-33-2024", counting.GetProperty("ruleSet").GetString());
            Assert.Equal("0.666667", counting.GetProperty("ownerThreshold").GetRawText());
            Assert.Equal("0.5", counting.GetProperty("landAreaThreshold").GetRawText());
            Assert.Equal("all-holders", counting.GetProperty("groupRule").GetString());
            Assert.True(counting.GetProperty("excludePublicLandFromArea").GetBoolean());
            var form = campaign.GetProperty("consentForm");
            Assert.Equal("모아타운 주민제안 동의서", form.GetProperty("title").GetString());
            Assert.Equal(["사업의 개요", "개인정보 수집·이용 동의"], form.GetProperty("statutoryItems").EnumerateArray().Select(i => i.GetString()));
            Assert.Equal(campaign.GetProperty("createdAt").GetDateTimeOffset(), campaign.GetProperty("updatedAt").GetDateTimeOffset());
            Assert.Equal(JsonValueKind.Null, campaign.GetProperty("openedAt").ValueKind);
            Assert.Equal(JsonValueKind.Null, campaign.GetProperty("closedAt").ValueKind);
        }
    }

    [Fact]
    public async Task A_campaign_created_without_rules_or_form_gets_the_defaults()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);

        var id = await campaigns.CreateCampaignAsync("defaults");
        var campaign = await campaigns.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");

        var counting = campaign.GetProperty("counting");
        Assert.Equal("decree-33-2024", counting.GetProperty("ruleSet").GetString());
        Assert.Equal(0.6m, counting.GetProperty("ownerThreshold").GetDecimal());
        Assert.Equal(0.5m, counting.GetProperty("landAreaThreshold").GetDecimal());
        Assert.Equal("majority-of-shares", counting.GetProperty("groupRule").GetString());
        Assert.False(counting.GetProperty("excludePublicLandFromArea").GetBoolean());
        var form = campaign.GetProperty("consentForm");
        Assert.Equal("", form.GetProperty("title").GetString());
        Assert.Empty(form.GetProperty("statutoryItems").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, campaign.GetProperty("area").GetProperty("address").ValueKind);
    }

    public static TheoryData<string, string> BadFields => new()
    {
        { "counting.ruleSet", """{"counting":{"ruleSet":"decree-33-2019"}}""" },
        { "counting.ownerThreshold", """{"counting":{"ownerThreshold":0}}""" },
        { "counting.ownerThreshold", """{"counting":{"ownerThreshold":1.5}}""" },
        { "counting.ownerThreshold", """{"counting":{"ownerThreshold":0.6666667}}""" },
        { "counting.landAreaThreshold", """{"counting":{"landAreaThreshold":-0.5}}""" },
        { "counting.groupRule", """{"counting":{"groupRule":"MajorityOfShares"}}""" },
        { "consentForm.title", $$$"""{"consentForm":{"title":"{{{new string('가', 201)}}}"}}""" },
        { "consentForm.body", $$$"""{"consentForm":{"body":"{{{new string('가', 20_001)}}}"}}""" },
        { "consentForm.statutoryItems", $$$"""{"consentForm":{"statutoryItems":[{{{string.Join(',', Enumerable.Repeat("\"항목\"", 21))}}}]}}""" },
        { "consentForm.statutoryItems[1]", """{"consentForm":{"statutoryItems":["항목", "  "]}}""" },
        { "consentForm.statutoryItems[0]", $$$"""{"consentForm":{"statutoryItems":["{{{new string('가', 501)}}}"]}}""" },
        { "address", $$$"""{"address":"{{{new string('가', 301)}}}"}""" },
        { "district", """{"district":" "}""" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_bad_field_is_refused_with_its_path_and_nothing_is_stored(string field, string settings)
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var before = await CountAsync();

        using var response = await campaigns.PostAsJsonAsync("/api/campaigns", WithDefaults(settings));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}: {errors}");
        Assert.Single(errors.EnumerateObject());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_draft_can_be_changed_and_fields_left_out_keep_their_values()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var id = await campaigns.CreateCampaignAsync("before");
        var createdAt = (await campaigns.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("createdAt").GetDateTimeOffset();

        using var response = await campaigns.PutAsJsonAsync($"/api/campaigns/{id}", new
        {
            name = "after",
            district = "동작구",
            areaName = "사당동 모아타운",
            counting = new { landAreaThreshold = 0.55m },
            consentForm = CampaignRequests.CompleteConsentForm,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var campaign = await campaigns.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
        Assert.Equal("after", campaign.GetProperty("name").GetString());
        Assert.Equal("동작구", campaign.GetProperty("area").GetProperty("district").GetString());
        Assert.Equal(0.55m, campaign.GetProperty("counting").GetProperty("landAreaThreshold").GetDecimal());
        Assert.Equal(0.6m, campaign.GetProperty("counting").GetProperty("ownerThreshold").GetDecimal());
        Assert.Equal("모아타운 주민제안 동의서", campaign.GetProperty("consentForm").GetProperty("title").GetString());
        Assert.True(campaign.GetProperty("updatedAt").GetDateTimeOffset() > createdAt);
    }

    [Fact]
    public async Task A_bad_update_changes_nothing()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var id = await campaigns.CreateCampaignAsync("unchanged");

        using var response = await campaigns.PutAsJsonAsync($"/api/campaigns/{id}", new
        {
            name = "renamed",
            district = "중랑구",
            areaName = "구역",
            counting = new { ownerThreshold = 2m },
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("counting.ownerThreshold", out _));
        Assert.Equal("unchanged", (await campaigns.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_open_campaign_cannot_be_changed()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var id = await campaigns.CreateReadyCampaignAsync("fixed once open");
        (await campaigns.PostAsync($"/api/campaigns/{id}/open", null)).EnsureSuccessStatusCode();

        using var response = await campaigns.PutAsJsonAsync($"/api/campaigns/{id}", new
        {
            name = "renamed",
            district = "중랑구",
            areaName = "구역",
            counting = new { ownerThreshold = 0.5m },
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Campaign is open; its settings are fixed", problem.GetProperty("title").GetString());
        var campaign = await campaigns.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
        Assert.Equal("fixed once open", campaign.GetProperty("name").GetString());
        Assert.Equal(0.6m, campaign.GetProperty("counting").GetProperty("ownerThreshold").GetDecimal());
    }

    [Fact]
    public async Task Another_organizers_campaign_cannot_be_changed_and_is_not_found()
    {
        var secret = await system.RegisterClientAsync("organizer-settings", [Roles.Organizer], [Scopes.Campaigns]);
        using var admin = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        using var organizer = await system.ClientAsync(system.Campaigns, Scopes.Campaigns, "organizer-settings", secret);
        var id = await admin.CreateCampaignAsync("admin's");

        using var update = await organizer.PutAsJsonAsync($"/api/campaigns/{id}", new { name = "mine now", district = "중랑구", areaName = "구역" });
        using var open = await organizer.PostAsync($"/api/campaigns/{id}/open", null);

        await update.AssertProblemAsync(HttpStatusCode.NotFound);
        await open.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("admin's", (await admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("name").GetString());
    }

    /// <summary>A valid request with one part replaced by <paramref name="settings"/>.</summary>
    private static JsonElement WithDefaults(string settings)
    {
        var request = new Dictionary<string, JsonElement>
        {
            ["name"] = JsonSerializer.SerializeToElement("validation"),
            ["district"] = JsonSerializer.SerializeToElement("중랑구"),
            ["areaName"] = JsonSerializer.SerializeToElement("검증 구역"),
        };
        foreach (var property in JsonDocument.Parse(settings).RootElement.EnumerateObject())
        {
            request[property.Name] = property.Value.Clone();
        }
        return JsonSerializer.SerializeToElement(request);
    }

    private Task<(int Campaigns, int Events)> CountAsync() =>
        system.QueryCampaignsAsync(async db => (await db.Campaigns.CountAsync(), await db.OutboxMessages.CountAsync()));
}
