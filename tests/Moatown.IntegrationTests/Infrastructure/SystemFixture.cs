using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Moatown.Campaigns.Data;
using Moatown.Identity.Data;
using Moatown.Notifications.Data;
using Moatown.Signing.Data;
using Moatown.Documents.Data;
using Moatown.ServiceDefaults.Authentication;
using Moatown.Testing;
using OpenIddict.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Moatown.IntegrationTests.Infrastructure;

/// <summary>
/// A real PostgreSQL and RabbitMQ, started once for the test run on free ports, and the
/// identity, campaigns and notifications services hosted against them.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public const string Issuer = "http://identity.moatown.test/";
    public const string DevClientSecret = "integration-dev-client-secret";
    public const string NotificationsClientSecret = "integration-notifications-client-secret";
    public const string SigningClientSecret = "integration-signing-client-secret";
    public const string IdentityClientSecret = "integration-identity-client-secret";
    public const string DocumentsClientSecret = "integration-documents-client-secret";
    public const string InvitationLinkBase = "https://moatown.test/i";
    public const string EntryLinkBase = "https://moatown.test/e";

    private static readonly string PersonalDataKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private static readonly string BlindIndexKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private static readonly string VerificationCodeKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    /// <summary>The documents vault's master key (id <see cref="DocumentsMasterKeyId"/>), new for every run.</summary>
    public static readonly string DocumentsMasterKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    public const string DocumentsMasterKeyId = "test1";
    private readonly Dictionary<string, string> _tokens = new();

    public LocalPostgres Postgres { get; private set; } = null!;
    public LocalRabbitMq Broker { get; private set; } = null!;
    public ServiceFactory<IdentityDbContext> Identity { get; private set; } = null!;
    public ServiceFactory<CampaignsDbContext> Campaigns { get; private set; } = null!;
    public ServiceFactory<NotificationsDbContext> Notifications { get; private set; } = null!;
    public ServiceFactory<SigningDbContext> Signing { get; private set; } = null!;
    public ServiceFactory<DocumentsDbContext> Documents { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Postgres = await LocalPostgres.StartAsync(CancellationToken.None);
        Broker = await LocalRabbitMq.StartAsync(CancellationToken.None);

        Identity = new ServiceFactory<IdentityDbContext>(Settings("identitydb", new()
        {
            ["Identity:DevClientSecret"] = DevClientSecret,
            ["Identity:RequireHttps"] = "false",
            [$"Identity:ServiceClients:{ServiceClients.Notifications}:Secret"] = NotificationsClientSecret,
            [$"Identity:ServiceClients:{ServiceClients.Notifications}:Scopes:0"] = Scopes.Campaigns,
            [$"Identity:ServiceClients:{ServiceClients.Identity}:Secret"] = IdentityClientSecret,
            [$"Identity:ServiceClients:{ServiceClients.Identity}:Scopes:0"] = Scopes.Campaigns,
            // ... and asks every service for its inspection.
            [$"Identity:ServiceClients:{ServiceClients.Identity}:Scopes:1"] = Scopes.Signing,
            [$"Identity:ServiceClients:{ServiceClients.Identity}:Scopes:2"] = Scopes.Documents,
            [$"Identity:ServiceClients:{ServiceClients.Identity}:Scopes:3"] = Scopes.Notifications,
            // Another of the system's services: a service client, but not the one an endpoint names.
            ["Identity:ServiceClients:service-signing:Secret"] = SigningClientSecret,
            ["Identity:ServiceClients:service-signing:Scopes:0"] = Scopes.Campaigns,
            ["Identity:ServiceClients:service-signing:Scopes:1"] = Scopes.Documents,
            [$"Identity:ServiceClients:{ServiceClients.Documents}:Secret"] = DocumentsClientSecret,
            [$"Identity:ServiceClients:{ServiceClients.Documents}:Scopes:0"] = Scopes.Campaigns,
            [$"Identity:ServiceClients:{ServiceClients.Documents}:Scopes:1"] = Scopes.Signing,
            // Identity asks campaigns about the roll as its own service client.
            ["ServiceClient:Id"] = ServiceClients.Identity,
            ["ServiceClient:Secret"] = IdentityClientSecret,
            // The shared host serves every test from one address and the sample roll's numbers
            // again and again; the throttles are tested on a host of their own (CreateIdentity).
            ["Identity:Residents:CodesPerPhone"] = "100000",
            ["Identity:Residents:RequestsPerClient"] = "100000",
        }), identityBackchannel: null, CallsOtherServicesInMemory);
        // Starting identity first migrates its database and seeds the development client.
        _ = Identity.Server;

        Campaigns = CreateCampaigns();
        Notifications = new ServiceFactory<NotificationsDbContext>(Settings("notificationsdb", new()
        {
            ["ServiceClient:Id"] = ServiceClients.Notifications,
            ["ServiceClient:Secret"] = NotificationsClientSecret,
        }), IdentityHandler, CallsOtherServicesInMemory);
        Signing = new ServiceFactory<SigningDbContext>(Settings("signingdb", new()
        {
            ["ServiceClient:Id"] = ServiceClients.Signing,
            ["ServiceClient:Secret"] = SigningClientSecret,
        }), IdentityHandler, CallsOtherServicesInMemory);
        Documents = new ServiceFactory<DocumentsDbContext>(Settings("documentsdb", new()
        {
            ["ServiceClient:Id"] = ServiceClients.Documents,
            ["ServiceClient:Secret"] = DocumentsClientSecret,
        }), IdentityHandler, builder =>
        {
            CallsOtherServicesInMemory(builder);
            // The sealer's TSA client reaches the service's own built-in TSA in memory, as it does over loopback in Development.
            builder.ConfigureServices(services => services.AddHttpClient(Moatown.Documents.Sealing.HttpTimestampAuthority.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => Documents.Server.CreateHandler()));
        });
        _ = Campaigns.Server;
        _ = Notifications.Server;
        // Documents learns campaigns' organizers and districts from their events: it listens from the start.
        _ = Documents.Server;
    }

    /// <summary>
    /// A separate identity host on its own database, with the resident rules a test needs (the
    /// product's defaults unless overridden). Its service token, and so its calls to campaigns, come
    /// from the shared identity; signer tokens it issues are signed with its own keys.
    /// </summary>
    public ServiceFactory<IdentityDbContext> CreateIdentity(string database, Dictionary<string, string?>? extra = null)
    {
        var settings = Settings(database, new()
        {
            ["Identity:DevClientSecret"] = DevClientSecret,
            ["Identity:RequireHttps"] = "false",
            ["ServiceClient:Id"] = ServiceClients.Identity,
            ["ServiceClient:Secret"] = IdentityClientSecret,
        });
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }
        settings["ConnectionStrings:identitydb"] = Postgres.ConnectionString(database);
        return new(settings, identityBackchannel: null, CallsOtherServicesInMemory);
    }

    /// <summary>
    /// A separate campaigns host on the same database and broker, as a second replica or a
    /// restarted process would be.
    /// </summary>
    public ServiceFactory<CampaignsDbContext> CreateCampaigns(Dictionary<string, string?>? extra = null, string database = "campaignsdb")
    {
        var settings = Settings(database, extra);
        // The service always reads the "campaignsdb" connection; point it at the database asked for.
        settings["ConnectionStrings:campaignsdb"] = Postgres.ConnectionString(database);
        return new(settings, IdentityHandler, builder => builder.ConfigureServices(AuditTimeStampsInMemory));
    }

    /// <summary>
    /// A separate notifications host on its own database (so its sender and the shared host's never
    /// take each other's messages), configured as a test needs: another SMS provider, a short
    /// throttle window, a log capture.
    /// </summary>
    public ServiceFactory<NotificationsDbContext> CreateNotifications(string database, Dictionary<string, string?>? extra = null,
        Action<Microsoft.AspNetCore.Hosting.IWebHostBuilder>? configure = null)
    {
        var settings = Settings(database, extra);
        settings["ConnectionStrings:notificationsdb"] = Postgres.ConnectionString(database);
        return new(settings, IdentityHandler, configure);
    }

    /// <summary>
    /// A separate documents host on the database asked for, e.g. with other vault master keys. A null
    /// value in <paramref name="extra"/> removes that setting (a master key the host must not have).
    /// </summary>
    public ServiceFactory<DocumentsDbContext> CreateDocuments(string database, Dictionary<string, string?>? extra = null)
    {
        var settings = Settings(database, extra);
        foreach (var (key, _) in (extra ?? []).Where(pair => pair.Value is null))
        {
            settings.Remove(key);
        }
        settings["ConnectionStrings:documentsdb"] = Postgres.ConnectionString(database);
        return new(settings, IdentityHandler);
    }

    private HttpMessageHandler IdentityHandler() => Identity.Server.CreateHandler();

    /// <summary>A service's calls to identity (for its own token) and to campaigns reach the hosts of this fixture.</summary>
    private void CallsOtherServicesInMemory(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
        builder.ConfigureServices(services =>
        {
            services.AddHttpClient(ServiceClientExtensions.TokenClientName).ConfigurePrimaryHttpMessageHandler(() => Identity.Server.CreateHandler());
            services.AddHttpClient("campaigns").ConfigurePrimaryHttpMessageHandler(() => Campaigns.Server.CreateHandler());
            services.AddHttpClient("documents").ConfigurePrimaryHttpMessageHandler(() => Documents.Server.CreateHandler());
            services.AddHttpClient("signing").ConfigurePrimaryHttpMessageHandler(() => Signing.Server.CreateHandler());
            services.AddHttpClient("notifications").ConfigurePrimaryHttpMessageHandler(() => Notifications.Server.CreateHandler());
            AuditTimeStampsInMemory(services);
        });

    /// <summary>Every service's audit chain head is stamped by the documents host's built-in TSA, as in a local run.</summary>
    private void AuditTimeStampsInMemory(IServiceCollection services) =>
        services.AddHttpClient("audit-tsa").ConfigurePrimaryHttpMessageHandler(() => Documents.Server.CreateHandler());

    private Dictionary<string, string?> Settings(string database, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{database}"] = Postgres.ConnectionString(database),
            ["ConnectionStrings:broker"] = Broker.ConnectionUri.ToString(),
            ["Identity:Url"] = Issuer,
            ["Identity:Issuer"] = Issuer,
            // A broker outage in a test should not cost half a minute of backoff.
            ["Messaging:Outbox:MaxBackoff"] = "00:00:02",
            ["Messaging:Outbox:PublishTimeout"] = "00:00:03",
            ["PersonalData:ActiveKeyId"] = "test1",
            ["PersonalData:Keys:test1"] = PersonalDataKey,
            ["PersonalData:BlindIndexKey"] = BlindIndexKey,
            // Tests make their own campaigns; the demo campaign has its own test on its own database.
            ["Campaigns:DemoCampaign:Enabled"] = "false",
            ["Campaigns:Invitations:LinkBase"] = InvitationLinkBase,
            ["VerificationCodes:Key"] = VerificationCodeKey,
            ["Campaigns:Entry:LinkBase"] = EntryLinkBase,
            [$"Documents:Vault:MasterKeys:{DocumentsMasterKeyId}"] = DocumentsMasterKey,
            ["Documents:Vault:ActiveMasterKey"] = DocumentsMasterKeyId,
            ["Auditing:TimeStampUrl"] = "http://documents/internal/tsa",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>Registers (or updates) a confidential client with the given roles and scopes, and the district a district officer is bound to.</summary>
    public async Task<string> RegisterClientAsync(string clientId, string[] roles, string[] scopes, string? district = null)
    {
        await using var scope = Identity.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var secret = $"{clientId}-secret";
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = OpenIddictConstants.ClientTypes.Confidential,
            Permissions = { OpenIddictConstants.Permissions.Endpoints.Token, OpenIddictConstants.Permissions.GrantTypes.ClientCredentials },
            Properties = { ["roles"] = JsonSerializer.SerializeToElement(roles) },
        };
        if (district is not null)
        {
            descriptor.Properties["district"] = JsonSerializer.SerializeToElement(district);
        }
        descriptor.Permissions.UnionWith(scopes.Select(s => OpenIddictConstants.Permissions.Prefixes.Scope + s));
        var existing = await manager.FindByClientIdAsync(clientId);
        if (existing is null)
        {
            await manager.CreateAsync(descriptor);
        }
        else
        {
            await manager.UpdateAsync(existing, descriptor);
        }
        return secret;
    }

    /// <summary>An access token from the identity service's token endpoint (client credentials).</summary>
    public async Task<string> TokenAsync(string scope, string clientId = "moatown-dev", string? secret = null)
    {
        var key = $"{clientId}|{scope}";
        if (_tokens.TryGetValue(key, out var cached))
        {
            return cached;
        }
        using var client = Identity.CreateClient();
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret ?? DevClientSecret,
            ["scope"] = scope,
        }));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("access_token").GetString()!;
        _tokens[key] = token;
        return token;
    }

    public async Task<HttpClient> ClientAsync<T>(ServiceFactory<T> service, string scope, string clientId = "moatown-dev", string? secret = null)
        where T : class
    {
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(scope, clientId, secret));
        return client;
    }

    public async Task DisposeAsync()
    {
        await Documents.DisposeAsync();
        await Signing.DisposeAsync();
        await Notifications.DisposeAsync();
        await Campaigns.DisposeAsync();
        await Identity.DisposeAsync();
        await Broker.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "system";
}
