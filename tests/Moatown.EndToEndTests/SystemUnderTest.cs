using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Moatown.EndToEndTests;

/// <summary>
/// The whole system as `./moatown up` runs it, started from the AppHost with its own free
/// ports and a throwaway state folder. Tests talk to the gateway only.
/// </summary>
public sealed class SystemUnderTest : IAsyncLifetime
{
    private const string DevClientSecret = "end-to-end-dev-client-secret";
    /// <summary>The development staff accounts' password and TOTP secret (admin, organizer, officer, auditor).</summary>
    public const string DevStaffPassword = "end-to-end-staff-password";
    public const string DevStaffTotpSecret = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private readonly string _state = Path.Combine(Path.GetTempPath(), "moatown-e2e", Guid.NewGuid().ToString("n"));
    private DistributedApplication? _app;
    private ResourceLogFiles? _logs;

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The broker's AMQP port, where city systems' subscribers connect.</summary>
    public int BrokerPort { get; } = FreePort();

    public async Task InitializeAsync()
    {
        using var cancellation = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Moatown_AppHost>(
        [
            "Infrastructure:Mode=local",
            $"Infrastructure:StateDirectory={_state}",
            $"Infrastructure:PostgresPort={FreePort()}",
            $"Infrastructure:BrokerPort={BrokerPort}",
            $"Infrastructure:BrokerManagementPort={FreePort()}",
            $"Parameters:dev-client-secret={DevClientSecret}",
            $"Parameters:dev-staff-password={DevStaffPassword}",
            $"Parameters:dev-staff-totp-secret={DevStaffTotpSecret}",
        ], cancellation.Token);
        ResourceLogFiles.ConfigureServices(builder);

        _app = await builder.BuildAsync(cancellation.Token);
        _logs = ResourceLogFiles.Start(_app);
        await _app.StartAsync(cancellation.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", cancellation.Token);
        Gateway = _app.CreateHttpClient("gateway");
    }

    /// <summary>A client-credentials token from the gateway's /connect/token, as a city system gets one.</summary>
    public async Task<HttpClient> AuthorizedGatewayAsync(string scope)
    {
        using var response = await Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "moatown-dev",
            ["client_secret"] = DevClientSecret,
            ["scope"] = scope,
        }));
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        var client = _app!.CreateHttpClient("gateway");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_logs is not null)
        {
            await _logs.DisposeAsync();
        }
        try { Directory.Delete(_state, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemUnderTest>, ICollectionFixture<Browser.WebBrowser>
{
    public const string Name = "whole system";
}
