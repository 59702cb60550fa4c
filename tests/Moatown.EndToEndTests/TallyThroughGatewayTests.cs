using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;

namespace Moatown.EndToEndTests;

[Collection(SystemCollection.Name)]
public sealed class TallyThroughGatewayTests(SystemUnderTest system)
{
    [Fact]
    public async Task The_demo_campaign_shows_the_worked_example()
    {
        using var campaigns = await system.AuthorizedGatewayAsync("campaigns");

        var list = await campaigns.GetFromJsonAsync<JsonElement>("/api/campaigns");
        var demo = list.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "중화동 모아타운 (데모)");
        var owners = await campaigns.GetFromJsonAsync<JsonElement>($"/api/campaigns/{demo.GetProperty("id").GetGuid()}/owners");

        Assert.Equal(9, owners.GetProperty("total").GetInt32());
        Assert.True(owners.GetProperty("owners").EnumerateArray().Count(o => o.GetProperty("consents").GetBoolean()) >= 7);
    }

    [Fact]
    public async Task A_staff_member_watches_the_tally_move_through_the_gateway_as_a_paper_consent_is_entered()
    {
        using var campaigns = await system.AuthorizedGatewayAsync("campaigns");
        var id = await OpenSampleCampaignAsync(campaigns);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/campaigns/{id}/tally/stream");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var stream = await campaigns.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        await using var events = SseParser.Create(await stream.Content.ReadAsStreamAsync()).EnumerateAsync().GetAsyncEnumerator();

        Assert.True(await events.MoveNextAsync());
        Assert.Equal(0, JsonDocument.Parse(events.Current.Data).RootElement.GetProperty("owners").GetProperty("consented").GetInt32());
        using var paper = await campaigns.PostAsJsonAsync($"/api/campaigns/{id}/paper-consents", new { managingAuthority = "국토교통부", reference = "scan-0001" });
        Assert.Equal(HttpStatusCode.Created, paper.StatusCode);

        // Through the proxy, unbuffered: the change arrives as its own event.
        var next = events.MoveNextAsync().AsTask();
        Assert.Same(next, await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(15))));
        Assert.True(await next);
        Assert.Equal("1", events.Current.EventId);
        var tally = JsonDocument.Parse(events.Current.Data).RootElement;
        Assert.Equal(1, tally.GetProperty("owners").GetProperty("consented").GetInt32());
        Assert.Equal(500m, tally.GetProperty("landArea").GetProperty("consentedM2").GetDecimal());
    }

    private static async Task<Guid> OpenSampleCampaignAsync(HttpClient campaigns)
    {
        using var created = await campaigns.PostAsJsonAsync("/api/campaigns", new
        {
            name = "면목동 모아타운",
            district = "중랑구",
            areaName = "면목동 모아타운",
            consentForm = new { title = "동의서", body = "관리계획 수립에 동의합니다.", statutoryItems = new[] { "사업의 개요" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var csv = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "registry-sample.csv"));
        using var imported = await campaigns.PutAsync($"/api/campaigns/{id}/roll", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        using var opened = await campaigns.PostAsync($"/api/campaigns/{id}/open", null);
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        return id;
    }
}
