using System.Diagnostics;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moatown.Contracts.Campaigns;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;
using RabbitMQ.Client;

namespace Moatown.IntegrationTests.Messaging;

[Collection(SystemCollection.Name)]
public sealed class ReliableEventsTests(SystemFixture system)
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_created_campaign_reaches_notifications_once_within_the_same_trace()
    {
        using var consumed = new ConsumeActivities();
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/campaigns")
        {
            Content = JsonContent.Create(new { name = "면목동 모아타운 1구역", district = "중랑구", areaName = "면목동 모아타운" }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        using var response = await campaigns.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<CampaignResponseBody>())!.Id;

        await Eventually.HoldsAsync(async () => (await system.NotificationsRecordOfAsync([id])).Known == 1,
            Delivery, "notifications knows the campaign");
        Assert.Equal((1, 1), await system.NotificationsRecordOfAsync([id]));
        // The consumer ran as part of the trace the HTTP request started: one trace, end to end.
        await Eventually.HoldsAsync(() => Task.FromResult(consumed.InTrace(traceId)), TimeSpan.FromSeconds(10),
            "the consume span joins the request's trace");
    }

    [Fact]
    public async Task Every_campaign_created_while_the_broker_restarts_reaches_notifications_exactly_once()
    {
        const int total = 30;
        using var counters = new MessagingCounters();
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var ids = new System.Collections.Concurrent.ConcurrentQueue<Guid>();

        // Organizers keep creating campaigns; the broker goes away and comes back underneath them.
        var creating = Task.Run(async () =>
        {
            for (var i = 0; i < total; i++)
            {
                ids.Enqueue(await campaigns.CreateCampaignAsync($"campaign {i} during broker restart"));
                await Task.Delay(150);
            }
        });
        await Eventually.HoldsAsync(() => Task.FromResult(ids.Count >= 8), Delivery, "some campaigns exist before the outage");
        await system.Broker.StopAsync();
        var createdWhileDown = ids.Count;
        await Eventually.HoldsAsync(() => Task.FromResult(ids.Count >= createdWhileDown + 8), Delivery, "campaigns are still accepted while the broker is down");
        var waiting = await system.QueryCampaignsAsync(db => db.OutboxMessages.CountAsync(m => m.PublishedAt == null));
        Assert.True(waiting > 0, "events created during the outage must be waiting in the outbox");
        await system.Broker.StartAsync();
        await creating;

        await Eventually.HoldsAsync(async () => (await system.NotificationsRecordOfAsync(ids.ToList())).Known == total,
            TimeSpan.FromSeconds(120), $"notifications knows all {total} campaigns");
        Assert.Equal((total, total), await system.NotificationsRecordOfAsync(ids.ToList()));
        var created = ids.ToList();
        await Eventually.HoldsAsync(async () => await system.QueryDocumentsAsync(db => db.KnownCampaigns.CountAsync(c => created.Contains(c.CampaignId))) == total,
            TimeSpan.FromSeconds(120), $"documents knows all {total} campaigns");
        // Exactly once: each event's effect ran one time in each service that consumes it (notifications and
        // documents), redeliveries were skipped, nothing failed.
        Assert.Equal(2 * total, counters["moatown.inbox.processed"]);
        Assert.Equal(0u, await ErrorQueueDepthAsync());
    }

    [Fact]
    public async Task Events_committed_by_a_process_that_stopped_before_publishing_are_published_after_restart()
    {
        // A database of its own, so the shared campaigns host's relay cannot publish these rows.
        const string database = "campaigns_restart";
        var ids = new List<Guid>();
        // A replica whose relay never runs stands for a process killed between commit and publish.
        await using (var stopped = system.CreateCampaigns(new() { ["Messaging:Outbox:RelayEnabled"] = "false" }, database))
        {
            using var client = await system.ClientAsync(stopped, Scopes.Campaigns);
            for (var i = 0; i < 5; i++)
            {
                ids.Add(await client.CreateCampaignAsync($"committed before crash {i}"));
            }
            Assert.Equal(5, await system.QueryCampaignsAsync(db => db.OutboxMessages.CountAsync(m => m.PublishedAt == null), stopped));
        }
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(0, await system.QueryNotificationsAsync(db => db.KnownCampaigns.CountAsync(c => ids.Contains(c.CampaignId))));

        await using var restarted = system.CreateCampaigns(database: database);
        _ = restarted.Server; // starting it starts its relay

        await Eventually.HoldsAsync(async () => (await system.NotificationsRecordOfAsync(ids, restarted)).Known == ids.Count,
            Delivery, "the restarted process published every committed event");
        Assert.Equal((5, 5), await system.NotificationsRecordOfAsync(ids, restarted));
    }

    [Fact]
    public async Task An_event_published_again_after_a_lost_commit_is_recognised_and_skipped()
    {
        using var counters = new MessagingCounters();
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var id = await campaigns.CreateCampaignAsync("published twice");
        await Eventually.HoldsAsync(async () => (await system.NotificationsRecordOfAsync([id])).Known == 1,
            Delivery, "the first delivery arrived");
        var learnedAt = await system.QueryNotificationsAsync(db => db.KnownCampaigns.Where(c => c.CampaignId == id).Select(c => c.LearnedAt).SingleAsync());

        // The broker confirmed, but the relay's commit was lost: the row looks unpublished again.
        var reset = await system.QueryCampaignsAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE outbox_messages SET published_at = NULL WHERE payload->>'campaignId' = {id.ToString()}"));
        Assert.Equal(1, reset);

        await Eventually.HoldsAsync(() => Task.FromResult(counters["moatown.inbox.duplicates"] >= 1),
            Delivery, "the redelivered event reached notifications");
        Assert.Equal((1, 1), await system.NotificationsRecordOfAsync([id]));
        Assert.Equal(learnedAt, await system.QueryNotificationsAsync(db => db.KnownCampaigns.Where(c => c.CampaignId == id).Select(c => c.LearnedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_moved_to_the_error_queue_not_lost()
    {
        var bus = system.Campaigns.Services.GetRequiredService<IBus>();
        var poisonId = NewId.NextGuid();
        // Longer than notifications can store: its consumer fails on every attempt.
        await bus.Publish(new CampaignCreated(Guid.NewGuid(), new string('가', 500), DateTimeOffset.UtcNow),
            context => context.MessageId = poisonId);

        await using var connection = await system.Broker.ConnectAsync();
        await Eventually.HoldsAsync(async () => await ErrorQueueDepthAsync() > 0, Delivery,
            "the failing message lands in the error queue");

        await using var channel = await connection.CreateChannelAsync();
        var deadLetter = await channel.BasicGetAsync(ErrorQueue, autoAck: false);
        Assert.NotNull(deadLetter);
        Assert.Equal(poisonId.ToString(), deadLetter.BasicProperties.MessageId);
        // Acknowledge only here, in the test: the broker kept it until someone looked.
        await channel.BasicAckAsync(deadLetter.DeliveryTag, multiple: false);
        Assert.Equal(0u, await ErrorQueueDepthAsync());
    }

    private const string ErrorQueue = "campaign-created_error";

    private async Task<uint> ErrorQueueDepthAsync()
    {
        await using var connection = await system.Broker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(ErrorQueue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0; // no error queue yet: nothing has ever failed
        }
    }

    private sealed record CampaignResponseBody(Guid Id);
}
