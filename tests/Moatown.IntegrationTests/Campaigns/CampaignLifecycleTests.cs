using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Moatown.Contracts.Campaigns;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Campaigns;

[Collection(SystemCollection.Name)]
public sealed class CampaignLifecycleTests(SystemFixture system)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_campaign_without_a_roll_does_not_open_and_is_told_so()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        using var created = await campaigns.PostAsJsonAsync("/api/campaigns",
            new { name = "no roll", district = "중랑구", areaName = "구역", consentForm = CampaignRequests.CompleteConsentForm });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var response = await campaigns.PostAsync($"/api/campaigns/{id}/open", null);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(["roll"], problem.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("roll", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("draft", await StatusAsync(campaigns, id));
    }

    [Fact]
    public async Task A_campaign_with_an_incomplete_form_does_not_open()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        using var created = await campaigns.PostAsJsonAsync("/api/campaigns",
            new { name = "no items", district = "중랑구", areaName = "구역", consentForm = new { title = "동의서", body = "본문" } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await campaigns.PutRollAsync(id, CampaignRequests.SampleRoll)).EnsureSuccessStatusCode();

        using var response = await campaigns.PostAsync($"/api/campaigns/{id}/open", null);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(["consentForm"], problem.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("draft", await StatusAsync(campaigns, id));
    }

    [Fact]
    public async Task A_ready_campaign_opens_and_closes_and_announces_both()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var id = await campaigns.CreateReadyCampaignAsync("open and close", district: "동작구");

        using var opened = await campaigns.PostAsync($"/api/campaigns/{id}/open", null);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var open = await opened.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("open", open.GetProperty("status").GetString());
        var openedAt = open.GetProperty("openedAt").GetDateTimeOffset();

        using var closed = await campaigns.PostAsync($"/api/campaigns/{id}/close", null);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var campaign = await campaigns.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
        Assert.Equal("closed", campaign.GetProperty("status").GetString());
        // PostgreSQL keeps microseconds, .NET ticks are finer.
        Assert.Equal(openedAt, campaign.GetProperty("openedAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.True(campaign.GetProperty("closedAt").GetDateTimeOffset() >= openedAt);

        var openedEvents = await EventsAsync<CampaignOpened>();
        var closedEvents = await EventsAsync<CampaignClosed>();
        var openedEvent = Assert.Single(openedEvents, e => e.CampaignId == id);
        Assert.Equal("동작구", openedEvent.District);
        Assert.Equal(openedAt, openedEvent.OpenedAt);
        Assert.Equal("동작구", Assert.Single(closedEvents, e => e.CampaignId == id).District);
    }

    [Fact]
    public async Task A_draft_cannot_be_closed_and_a_closed_campaign_cannot_open_again()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var id = await campaigns.CreateReadyCampaignAsync("closing rules");

        using var closeDraft = await campaigns.PostAsync($"/api/campaigns/{id}/close", null);
        (await campaigns.PostAsync($"/api/campaigns/{id}/open", null)).EnsureSuccessStatusCode();
        using var openAgain = await campaigns.PostAsync($"/api/campaigns/{id}/open", null);
        (await campaigns.PostAsync($"/api/campaigns/{id}/close", null)).EnsureSuccessStatusCode();
        using var reopen = await campaigns.PostAsync($"/api/campaigns/{id}/open", null);
        using var closeAgain = await campaigns.PostAsync($"/api/campaigns/{id}/close", null);

        Assert.Equal("Campaign is draft", (await closeDraft.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal("Campaign is open", (await openAgain.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal("Campaign is closed", (await reopen.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        await closeAgain.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Single(await EventsAsync<CampaignOpened>(), e => e.CampaignId == id);
        Assert.Single(await EventsAsync<CampaignClosed>(), e => e.CampaignId == id);
    }

    [Fact]
    public async Task Concurrent_opens_succeed_once()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var id = await campaigns.CreateReadyCampaignAsync("raced open");

        // Each request has its own connection: only the database row lock can serialise them.
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => campaigns.PostAsync($"/api/campaigns/{id}/open", null)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Single(await EventsAsync<CampaignOpened>(), e => e.CampaignId == id);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task A_missing_campaign_is_not_found()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);

        using var open = await campaigns.PostAsync($"/api/campaigns/{Guid.CreateVersion7()}/open", null);
        using var close = await campaigns.PostAsync($"/api/campaigns/{Guid.CreateVersion7()}/close", null);

        await open.AssertProblemAsync(HttpStatusCode.NotFound);
        await close.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<string?> StatusAsync(HttpClient campaigns, Guid id) =>
        (await campaigns.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("status").GetString();

    private async Task<List<T>> EventsAsync<T>()
    {
        var payloads = await system.QueryCampaignsAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType == typeof(T).FullName)
            .Select(m => m.Payload)
            .ToListAsync());
        return payloads.Select(p => JsonSerializer.Deserialize<T>(p, Json)!).ToList();
    }
}
