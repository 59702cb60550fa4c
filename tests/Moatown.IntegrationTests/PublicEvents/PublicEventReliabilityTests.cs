using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Model;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.SampleSubscriber;

namespace Moatown.IntegrationTests.PublicEvents;

/// <summary>
/// The public events as a city system depends on them: every event exactly once, in each campaign's
/// order, through broker outages and its own downtime (real RabbitMQ and PostgreSQL).
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class PublicEventReliabilityTests(SystemFixture system)
{
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Consents_recorded_while_the_broker_is_down_reach_the_subscriber_exactly_once_in_order()
    {
        await using var host = await PublicEventHost.StartAsync(system, "campaigns_public_outage");
        var subscriber = await host.CreateSubscriberAsync("jungnang-permits", "중랑구");
        using var citySystem = await host.CitySystemAsync("city-jungnang-outage", "중랑구");
        await using var run = host.Subscribe(subscriber, citySystem);
        run.Start();

        // 1,000 consents over two campaigns of two districts; the subscriber may see one of them.
        var (jungnang, jungnangHolders) = await host.OpenCampaignAsync("중화동 공개 이벤트", "중랑구", 600);
        var (gangnam, gangnamHolders) = await host.OpenCampaignAsync("역삼동 공개 이벤트", "강남구", 400);
        using var admin = await host.AdminAsync();
        var recorded = 0;
        async Task SignAsync(Guid campaign, IReadOnlyList<Guid> holders)
        {
            for (var i = 0; i < holders.Count; i++)
            {
                await host.PaperConsentAsync(admin, campaign, holders[i], $"form-{i}");
                Interlocked.Increment(ref recorded);
            }
        }
        var signing = Task.WhenAll(SignAsync(jungnang, jungnangHolders), SignAsync(gangnam, gangnamHolders));

        await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref recorded) >= 250), CatchUp, "consents are being recorded");
        await host.Broker.StopAsync();
        var whileDown = Volatile.Read(ref recorded);
        await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref recorded) >= Math.Min(1000, whileDown + 250)), CatchUp,
            "consents are still recorded while the broker is down");
        var unpublished = await host.QueryAsync(db => db.PublicEvents.CountAsync(e => e.PublishedAt == null));
        Assert.True(unpublished > 0, "events recorded during the outage wait in the store");
        await host.Broker.StartAsync();
        await signing;
        Assert.Equal(1000, recorded);

        var expected = await host.StoredEventIdsAsync(jungnang);
        await Eventually.HoldsAsync(() => Task.FromResult(run.Handled.Count(e => e.CampaignId == jungnang) >= expected.Count), CatchUp,
            $"the subscriber has all {expected.Count} events of its district's campaign");

        var handled = run.Handled;
        // Exactly once by id, in the campaign's sequence order: the same list as the store.
        Assert.Equal(expected.Select(id => id.ToString("D")), handled.Select(e => e.Id));
        Assert.Equal(Enumerable.Range(1, expected.Count).Select(i => (long)i), handled.Select(e => e.Sequence));
        // Nothing of the other district's campaign.
        Assert.DoesNotContain(handled, e => e.CampaignId == gangnam);
        // The tally the subscriber last heard is the ledger's.
        var ledger = await host.QueryAsync(db => db.Ledger.CountAsync(e => e.CampaignId == jungnang && e.Action == LedgerAction.Consent));
        Assert.Equal(600, ledger);
        var lastRate = handled.Last(e => e.Type == "moatown.consent-rate-changed.v1").Data;
        var tally = await admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{jungnang}/tally");
        Assert.Equal(tally.GetProperty("owners").GetProperty("consented").GetInt32(), lastRate.GetProperty("ownersConsented").GetInt32());
        Assert.Equal(600, lastRate.GetProperty("ownersConsented").GetInt32());
        Assert.Equal(600L, lastRate.GetProperty("ledgerSequence").GetInt64());
        foreach (var e in handled)
        {
            PublicEventSchemas.AssertValid(e.Json);
        }
    }

    [Fact]
    public async Task A_subscriber_offline_for_the_whole_burst_catches_up_through_backfill_and_its_queue_without_a_gap()
    {
        await using var host = await PublicEventHost.StartAsync(system, "campaigns_public_offline");
        // The campaign opens before the subscriber exists: those events are only in backfill.
        var (campaign, holders) = await host.OpenCampaignAsync("면목동 늦은 구독", "중랑구", 120);
        var subscriber = await host.CreateSubscriberAsync("late-status-board", "중랑구");
        using var citySystem = await host.CitySystemAsync("city-jungnang-offline", "중랑구");
        using var admin = await host.AdminAsync();
        for (var i = 0; i < 100; i++)
        {
            await host.PaperConsentAsync(admin, campaign, holders[i], $"burst-{i}");
        }
        var burst = await host.StoredEventIdsAsync(campaign);
        await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.PublicEvents.AllAsync(e => e.PublishedAt != null)), CatchUp,
            "the burst is on the subscriber's queue");

        await using var run = host.Subscribe(subscriber, citySystem);
        run.Start();
        // And the campaign goes on while it catches up.
        for (var i = 100; i < 120; i++)
        {
            await host.PaperConsentAsync(admin, campaign, holders[i], $"after-{i}");
        }
        var expected = await host.StoredEventIdsAsync(campaign);
        Assert.True(expected.Count > burst.Count);
        await Eventually.HoldsAsync(() => Task.FromResult(run.Handled.Count >= expected.Count), CatchUp,
            $"the subscriber has all {expected.Count} events");

        var handled = run.Handled;
        Assert.Equal(expected.Select(id => id.ToString("D")), handled.Select(e => e.Id));
        Assert.Equal(Enumerable.Range(1, expected.Count).Select(i => (long)i), handled.Select(e => e.Sequence));
        // The queue held the burst that backfill had already given: recognised by id and dropped.
        Assert.True(run.Feed.Duplicates > 0, "the queued copies of backfilled events were recognised as duplicates");
        // Its queue is drained: nothing waits that it has not handled.
        await Eventually.HoldsAsync(async () => (await QueueDepthAsync(host, subscriber)) == 0, CatchUp, "the subscriber's queue is empty");
    }

    [Fact]
    public async Task Backfill_pages_follow_the_cursor_and_show_a_city_system_only_its_district()
    {
        await using var host = await PublicEventHost.StartAsync(system, "campaigns_public_backfill");
        var (jungnang, jungnangHolders) = await host.OpenCampaignAsync("중화동 백필", "중랑구", 5);
        var (gangnam, _) = await host.OpenCampaignAsync("역삼동 백필", "강남구", 5);
        using var admin = await host.AdminAsync();
        foreach (var holder in jungnangHolders)
        {
            await host.PaperConsentAsync(admin, jungnang, holder, $"paper-{holder}");
        }
        using var citySystem = await host.CitySystemAsync("city-jungnang-backfill", "중랑구");

        var ids = new List<string>();
        string? cursor = null;
        for (var pages = 0; pages < 20; pages++)
        {
            var page = await citySystem.GetFromJsonAsync<JsonElement>($"/api/campaigns/events?limit=3{(cursor is null ? "" : $"&after={cursor}")}");
            var events = page.GetProperty("events").EnumerateArray().ToList();
            Assert.True(events.Count <= 3);
            ids.AddRange(events.Select(e => e.GetProperty("id").GetString()!));
            Assert.All(events, e => Assert.Equal("중랑구", e.GetProperty("district").GetString()));
            var next = page.GetProperty("next").GetString();
            if (events.Count == 0)
            {
                Assert.Equal(cursor ?? next, next);
                break;
            }
            cursor = next;
        }
        Assert.Equal((await host.StoredEventIdsAsync(jungnang)).Select(id => id.ToString("D")), ids);
        Assert.DoesNotContain(await host.StoredEventIdsAsync(gangnam), id => ids.Contains(id.ToString("D")));

        using var bad = await citySystem.GetAsync("/api/campaigns/events?after=not-a-cursor");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        // An organizer is not a city system.
        using var organizer = await system.ClientAsync(host.Campaigns, Moatown.ServiceDefaults.Authentication.Scopes.Campaigns,
            "pe-organizer", await system.RegisterClientAsync("pe-organizer", [Moatown.ServiceDefaults.Authentication.Roles.Organizer],
                [Moatown.ServiceDefaults.Authentication.Scopes.Campaigns]));
        using var refused = await organizer.GetAsync("/api/campaigns/events");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static async Task<uint> QueueDepthAsync(PublicEventHost host, SubscriberCredentials subscriber)
    {
        await using var connection = await host.Broker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        return await channel.MessageCountAsync(subscriber.Queue);
    }
}
