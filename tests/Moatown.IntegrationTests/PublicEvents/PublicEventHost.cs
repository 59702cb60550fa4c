using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moatown.Campaigns.Data;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.SampleSubscriber;
using Moatown.ServiceDefaults.Authentication;
using Moatown.Testing;
using RabbitMQ.Client;

namespace Moatown.IntegrationTests.PublicEvents;

/// <summary>
/// A broker of its own (with the management API, so it can be stopped and subscribers created on
/// it) and a campaigns host on a database of its own, beside the shared identity and PostgreSQL.
/// </summary>
public sealed class PublicEventHost : IAsyncDisposable
{
    private PublicEventHost(SystemFixture system, LocalRabbitMq broker, ServiceFactory<CampaignsDbContext> campaigns)
    {
        System = system;
        Broker = broker;
        Campaigns = campaigns;
    }

    public SystemFixture System { get; }
    public LocalRabbitMq Broker { get; }
    public ServiceFactory<CampaignsDbContext> Campaigns { get; }

    public static async Task<PublicEventHost> StartAsync(SystemFixture system, string database)
    {
        var broker = await LocalRabbitMq.StartAsync(CancellationToken.None, withManagement: true);
        var campaigns = system.CreateCampaigns(new()
        {
            ["ConnectionStrings:broker"] = broker.ConnectionUri.ToString(),
            ["Messaging:Management:Url"] = broker.ManagementUri!.ToString(),
            ["Messaging:PublicEvents:PollInterval"] = "00:00:00.100",
            ["Messaging:PublicEvents:MaxBackoff"] = "00:00:01",
            ["Messaging:PublicEvents:PublishTimeout"] = "00:00:03",
        }, database);
        _ = campaigns.Server;
        return new PublicEventHost(system, broker, campaigns);
    }

    /// <summary>
    /// Until the campaigns host consumes the signing service's events: a message published before its
    /// queue is bound would go nowhere.
    /// </summary>
    public async Task ConsumersReadyAsync()
    {
        await using var connection = await Broker.ConnectAsync();
        await Eventually.HoldsAsync(async () =>
        {
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                return (await channel.QueueDeclarePassiveAsync("consent-events")).ConsumerCount > 0;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), "the campaigns host consumes consent events");
    }

    public Task<HttpClient> AdminAsync() => System.ClientAsync(Campaigns, Scopes.Campaigns);

    /// <summary>A city-system client bound to <paramref name="district"/>, with the campaigns scope.</summary>
    public async Task<HttpClient> CitySystemAsync(string clientId, string district)
    {
        var secret = await System.RegisterClientAsync(clientId, [Roles.CitySystem], [Scopes.Campaigns], district);
        var client = await System.ClientAsync(Campaigns, Scopes.Campaigns, clientId, secret);
        client.BaseAddress = new Uri(client.BaseAddress!, "/");
        return client;
    }

    public async Task<SubscriberCredentials> CreateSubscriberAsync(string name, params string[] districts)
    {
        using var admin = await AdminAsync();
        using var response = await admin.PostAsJsonAsync("/api/campaigns/subscribers", new { name, districts });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<SubscriberCredentials>())!;
    }

    public Uri AmqpUri(SubscriberCredentials subscriber) =>
        new($"amqp://{Uri.EscapeDataString(subscriber.Username)}:{Uri.EscapeDataString(subscriber.Password)}@127.0.0.1:{Broker.Port}/");

    public Task<IConnection> ConnectAsync(SubscriberCredentials subscriber) =>
        new ConnectionFactory { Uri = AmqpUri(subscriber) }.CreateConnectionAsync();

    /// <summary>The sample subscriber, with its state in memory, collecting what it handles in order.</summary>
    public SubscriberRun Subscribe(SubscriberCredentials subscriber, HttpClient citySystem)
    {
        var options = new SubscriberOptions
        {
            Broker = AmqpUri(subscriber),
            Queue = subscriber.Queue,
            StateFile = null,
            PageSize = 250,
            RetryDelay = TimeSpan.FromMilliseconds(500),
        };
        return new SubscriberRun(citySystem, options);
    }

    /// <summary>Creates a campaign in <paramref name="district"/> with a roll of <paramref name="holders"/> sole owners of one parcel each, and opens it.</summary>
    public async Task<(Guid Id, IReadOnlyList<Guid> Holders)> OpenCampaignAsync(string name, string district, int holders)
    {
        using var admin = await AdminAsync();
        using var created = await admin.PostAsJsonAsync("/api/campaigns", new
        {
            name, district, areaName = name, consentForm = CampaignRequests.CompleteConsentForm,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using (var imported = await admin.PutRollAsync(id, Roll(holders)))
        {
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        }
        using (var opened = await admin.PostAsync($"/api/campaigns/{id}/open", null))
        {
            Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        }
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/holders?limit=5000");
        return (id, list.EnumerateArray().Select(h => h.GetProperty("holderId").GetGuid()).ToList());
    }

    public static string Roll(int holders)
    {
        var csv = new StringBuilder("property_id,property_kind,lot_number,land_area_m2,owner_id,owner_name,birth_date,phone,share,representative,owner_type,managing_authority,status,address\n");
        for (var i = 1; i <= holders; i++)
        {
            csv.Append(global::System.Globalization.CultureInfo.InvariantCulture, $"L-{i},land,중화동 {i},100,O-{i},김민준,1980-01-01,,1,,person,,,\n");
        }
        return csv.ToString();
    }

    public async Task PaperConsentAsync(HttpClient admin, Guid campaignId, Guid holderId, string reference)
    {
        using var response = await admin.PaperAsync(campaignId, "consents", new { holderId, reference });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<T> QueryAsync<T>(Func<CampaignsDbContext, Task<T>> query)
    {
        await using var scope = Campaigns.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CampaignsDbContext>());
    }

    /// <summary>The campaign's public event ids in sequence order, from the store.</summary>
    public Task<List<Guid>> StoredEventIdsAsync(Guid campaignId) =>
        QueryAsync(db => db.PublicEvents.Where(e => e.CampaignId == campaignId).OrderBy(e => e.Sequence).Select(e => e.Id).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        await Campaigns.DisposeAsync();
        await Broker.DisposeAsync();
    }
}

public sealed record SubscriberCredentials(string Name, string Username, string Password, string Queue, string Exchange, IReadOnlyList<string> RoutingKeys);

/// <summary>The sample subscriber running in the test, and everything it handled, in order.</summary>
public sealed class SubscriberRun : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<PublicEvent> _handled = [];
    private Task? _running;

    public SubscriberRun(HttpClient api, SubscriberOptions options)
    {
        State = new SubscriberState();
        Feed = new PublicEventFeed(api, options, State, (e, _) =>
        {
            lock (_handled)
            {
                _handled.Add(e);
            }
            return Task.CompletedTask;
        }, NullLogger.Instance);
    }

    public SubscriberState State { get; }
    public PublicEventFeed Feed { get; }

    public IReadOnlyList<PublicEvent> Handled
    {
        get { lock (_handled) { return _handled.ToList(); } }
    }

    public void Start() => _running = Task.Run(() => Feed.RunAsync(_stop.Token));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            try { await _running; } catch (OperationCanceledException) { }
        }
    }
}
