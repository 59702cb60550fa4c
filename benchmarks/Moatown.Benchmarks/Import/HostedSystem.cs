using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Moatown.Campaigns.Data;
using Moatown.Identity.Data;
using Moatown.Testing;

namespace Moatown.Benchmarks.Import;

/// <summary>
/// A real PostgreSQL and RabbitMQ from the machine's binaries on free ports, the identity service
/// in memory and the campaigns service on loopback, with a token for the development client.
/// Everything is stopped and deleted on dispose.
/// </summary>
public sealed class HostedSystem : IAsyncDisposable
{
    private const string Issuer = "http://identity.moatown.test/";
    private const string DevClientSecret = "benchmark-dev-client-secret";

    private HostedSystem(LocalPostgres postgres, LocalRabbitMq broker) => (Postgres, Broker) = (postgres, broker);

    public LocalPostgres Postgres { get; }
    public LocalRabbitMq Broker { get; }
    public ServiceHost<IdentityDbContext> Identity { get; private set; } = null!;
    public ServiceHost<CampaignsDbContext> Campaigns { get; private set; } = null!;

    /// <summary>Talks to the campaigns service over loopback HTTP with a campaigns token.</summary>
    public HttpClient CampaignsClient { get; private set; } = null!;

    public static async Task<HostedSystem> StartAsync(CancellationToken cancellationToken)
    {
        var postgres = await LocalPostgres.StartAsync(cancellationToken);
        LocalRabbitMq broker;
        try
        {
            broker = await LocalRabbitMq.StartAsync(cancellationToken);
        }
        catch
        {
            await postgres.DisposeAsync();
            throw;
        }

        var system = new HostedSystem(postgres, broker);
        try
        {
            await system.StartServicesAsync(cancellationToken);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    private async Task StartServicesAsync(CancellationToken cancellationToken)
    {
        var keys = new Dictionary<string, string?>
        {
            ["PersonalData:ActiveKeyId"] = "bench1",
            ["PersonalData:Keys:bench1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["PersonalData:BlindIndexKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        Identity = new ServiceHost<IdentityDbContext>(Settings("identitydb", new()
        {
            ["Identity:DevClientSecret"] = DevClientSecret,
            ["Identity:RequireHttps"] = "false",
        }), identityBackchannel: null, overLoopback: false);
        // Starting identity first migrates its database and seeds the development client.
        _ = Identity.Server;

        Campaigns = new ServiceHost<CampaignsDbContext>(Settings("campaignsdb", keys), () => Identity.Server.CreateHandler(), overLoopback: true);
        CampaignsClient = new HttpClient { BaseAddress = Campaigns.LoopbackAddress(), Timeout = TimeSpan.FromMinutes(5) };
        CampaignsClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync("campaigns", cancellationToken));
    }

    private Dictionary<string, string?> Settings(string database, Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{database}"] = Postgres.ConnectionString(database),
            ["ConnectionStrings:broker"] = Broker.ConnectionUri.ToString(),
            ["Identity:Url"] = Issuer,
            ["Identity:Issuer"] = Issuer,
            // Request and EF Core logs on the console would be measured too, and drown the report.
            ["Logging:LogLevel:Default"] = "Warning",
            // The benchmarks make their own campaigns.
            ["Campaigns:DemoCampaign:Enabled"] = "false",
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    private async Task<string> TokenAsync(string scope, CancellationToken cancellationToken)
    {
        using var client = Identity.CreateClient();
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "moatown-dev",
            ["client_secret"] = DevClientSecret,
            ["scope"] = scope,
        }), cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return body.GetProperty("access_token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        CampaignsClient?.Dispose();
        if (Campaigns is not null) await Campaigns.DisposeAsync();
        if (Identity is not null) await Identity.DisposeAsync();
        await Broker.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
