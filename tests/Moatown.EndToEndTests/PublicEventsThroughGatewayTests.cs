using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace Moatown.EndToEndTests;

/// <summary>A city system's subscriber, created through the gateway, reads public events from the AppHost's broker.</summary>
[Collection(SystemCollection.Name)]
public sealed class PublicEventsThroughGatewayTests(SystemUnderTest system)
{
    [Fact]
    public async Task A_subscriber_created_through_the_gateway_receives_its_districts_events_and_backfill_has_them_too()
    {
        using var campaigns = await system.AuthorizedGatewayAsync("campaigns");
        using var created = await campaigns.PostAsJsonAsync("/api/campaigns/subscribers", new { name = "e2e-status-board", districts = new[] { "동작구" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var subscriber = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("moatown.subscriber.e2e-status-board", subscriber.GetProperty("queue").GetString());

        using var campaign = await campaigns.PostAsJsonAsync("/api/campaigns", new { name = "사당동 공개 이벤트", district = "동작구", areaName = "사당동" });
        var id = (await campaign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var csv = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "registry-sample.csv"));
        using (var roll = await campaigns.PutAsync($"/api/campaigns/{id}/roll", new StringContent(csv, Encoding.UTF8, "text/csv")))
        {
            Assert.True(roll.IsSuccessStatusCode, await roll.Content.ReadAsStringAsync());
        }

        var factory = new ConnectionFactory
        {
            Uri = new Uri($"amqp://{subscriber.GetProperty("username").GetString()}:{Uri.EscapeDataString(subscriber.GetProperty("password").GetString()!)}@127.0.0.1:{system.BrokerPort}/"),
        };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        BasicGetResult? delivery = null;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((delivery = await channel.BasicGetAsync(subscriber.GetProperty("queue").GetString()!, autoAck: true)) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }
        Assert.NotNull(delivery);
        Assert.Equal("moatown.dongjak.roll-version-published.v1", delivery.RoutingKey);
        var cloudEvent = JsonDocument.Parse(delivery.Body.ToArray()).RootElement;
        Assert.Equal(id.ToString("D"), cloudEvent.GetProperty("campaignid").GetString());

        var page = await campaigns.GetFromJsonAsync<JsonElement>("/api/campaigns/events?limit=1000");
        Assert.Contains(page.GetProperty("events").EnumerateArray(), e => e.GetProperty("id").GetString() == cloudEvent.GetProperty("id").GetString());

        using var revoked = await campaigns.DeleteAsync("/api/campaigns/subscribers/e2e-status-board");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
    }
}
