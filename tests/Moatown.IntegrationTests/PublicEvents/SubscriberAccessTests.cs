using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Moatown.IntegrationTests.PublicEvents;

/// <summary>A subscriber reads its own queue and nothing else, against the real broker's permissions.</summary>
[Collection(SystemCollection.Name)]
public sealed class SubscriberAccessTests(SystemFixture system)
{
    [Fact]
    public async Task A_subscriber_reads_only_its_own_queue_and_cannot_publish_configure_or_manage()
    {
        await using var host = await PublicEventHost.StartAsync(system, "campaigns_public_access");
        var mine = await host.CreateSubscriberAsync("permits", "중랑구");
        var other = await host.CreateSubscriberAsync("statistics");
        Assert.Equal(["moatown.jungnang.#"], mine.RoutingKeys);
        Assert.Equal(["moatown.#"], other.RoutingKeys);
        var (campaign, _) = await host.OpenCampaignAsync("권한 확인", "중랑구", 3);

        // Its own queue: the campaign's events arrive.
        await using (var connection = await host.ConnectAsync(mine))
        await using (var channel = await connection.CreateChannelAsync())
        {
            BasicGetResult? first = null;
            await Eventually.HoldsAsync(async () => (first = await channel.BasicGetAsync(mine.Queue, autoAck: true)) is not null,
                TimeSpan.FromSeconds(30), "an event reaches the subscriber's queue");
            Assert.Equal("application/cloudevents+json", first!.BasicProperties.ContentType);
            Assert.StartsWith("moatown.jungnang.", first.RoutingKey);
            var cloudEvent = JsonDocument.Parse(first.Body.ToArray()).RootElement;
            Assert.Equal(campaign.ToString("D"), cloudEvent.GetProperty("campaignid").GetString());
            PublicEventSchemas.AssertValid(cloudEvent);
        }

        // Everything else is refused by the broker (403 ACCESS_REFUSED closes the channel).
        await AssertRefusedAsync(host, mine, channel => channel.BasicGetAsync(other.Queue, autoAck: false));
        await AssertRefusedAsync(host, mine, channel => channel.BasicGetAsync("consent-events", autoAck: false));
        await AssertRefusedAsync(host, mine, channel => channel.QueueDeclareAsync("mine-now", durable: false, exclusive: false, autoDelete: true));
        await AssertRefusedAsync(host, mine, channel => channel.QueueBindAsync(mine.Queue, "Moatown.Contracts.Campaigns:CampaignCreated", ""));
        await AssertRefusedAsync(host, mine, channel => channel.QueueBindAsync(mine.Queue, "moatown.public", "moatown.#"));
        await AssertRefusedAsync(host, mine, async channel =>
            // With confirm tracking the call waits for the broker's answer.
            await channel.BasicPublishAsync("moatown.public", "moatown.jungnang.consent-signed.v1", Encoding.UTF8.GetBytes("{}")),
            publisherConfirms: true);

        // Its credentials do not open the management API.
        using (var management = new HttpClient { BaseAddress = host.Broker.ManagementUri })
        {
            management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{mine.Username}:{mine.Password}")));
            using var response = await management.GetAsync("api/queues");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // The list shows both; revoking one removes its user and queue.
        using var admin = await host.AdminAsync();
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/campaigns/subscribers");
        Assert.Equal(["permits", "statistics"], listed.EnumerateArray().Select(s => s.GetProperty("name").GetString()).Order());
        using (var revoked = await admin.DeleteAsync("/api/campaigns/subscribers/permits"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }
        await Assert.ThrowsAsync<BrokerUnreachableException>(() => host.ConnectAsync(mine));
        using (var again = await admin.DeleteAsync("/api/campaigns/subscribers/permits"))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }
        await using (var connection = await host.Broker.ConnectAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            var gone = await Assert.ThrowsAsync<OperationInterruptedException>(() => channel.QueueDeclarePassiveAsync(mine.Queue));
            Assert.Equal((ushort)404, gone.ShutdownReason?.ReplyCode);
        }
    }

    [Fact]
    public async Task Only_provider_admins_manage_subscribers_and_bad_names_are_refused()
    {
        await using var host = await PublicEventHost.StartAsync(system, "campaigns_public_access_api");
        using var admin = await host.AdminAsync();
        using (var bad = await admin.PostAsJsonAsync("/api/campaigns/subscribers", new { name = "Not A.Name", districts = new[] { "" } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
            Assert.True(problem.GetProperty("errors").TryGetProperty("districts[0]", out _));
        }
        await host.CreateSubscriberAsync("permits-api", "중랑구");
        using (var twice = await admin.PostAsJsonAsync("/api/campaigns/subscribers", new { name = "permits-api" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        }
        var secret = await system.RegisterClientAsync("pe-officer", [Roles.DistrictOfficer], [Scopes.Campaigns], "중랑구");
        using var officer = await system.ClientAsync(host.Campaigns, Scopes.Campaigns, "pe-officer", secret);
        using (var refused = await officer.PostAsJsonAsync("/api/campaigns/subscribers", new { name = "sneaky" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        using var city = await host.CitySystemAsync("pe-city", "중랑구");
        using (var refused = await city.GetAsync("/api/campaigns/dead-letters"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
    }

    private static async Task AssertRefusedAsync(PublicEventHost host, SubscriberCredentials subscriber, Func<IChannel, Task> action, bool publisherConfirms = false)
    {
        await using var connection = await host.ConnectAsync(subscriber);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirms, publisherConfirms));
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => action(channel));
        var reason = (refused as OperationInterruptedException)?.ShutdownReason ?? channel.CloseReason;
        Assert.True(reason?.ReplyCode == 403, $"expected ACCESS_REFUSED, got {refused.GetType().Name}: {refused.Message}");
    }
}
