using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Moatown.Benchmarks.WholeSystem;

/// <summary>
/// The whole system as `./moatown up` runs it: the AppHost with Infrastructure:Mode=local (the
/// machine's PostgreSQL and RabbitMQ as processes), on free ports with a throwaway state folder,
/// started and stopped by the benchmark. Residents and staff reach it through the gateway only.
/// </summary>
public sealed class WholeSystem : IAsyncDisposable
{
    public const string DevClientSecret = "benchmark-dev-client-secret";
    public static readonly string[] Services = ["identity", "campaigns", "signing", "documents", "notifications", "gateway"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(8);

    private readonly string state = Path.Combine(Path.GetTempPath(), "moatown-bench", Guid.NewGuid().ToString("n"));
    private DistributedApplication? app;

    private WholeSystem(int replicas) => Replicas = replicas;

    public int Replicas { get; }

    /// <summary>The throwaway state folder: PostgreSQL's and RabbitMQ's data, which names their processes.</summary>
    public string StateDirectory => state;
    public HttpClient Gateway { get; private set; } = null!;
    public int BrokerPort { get; } = FreePort();

    /// <summary>AppHost start until the gateway answered healthy.</summary>
    public TimeSpan ColdStart { get; private set; }

    /// <summary>When each resource became healthy, from the same start.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Healthy { get; private set; } = new Dictionary<string, TimeSpan>();

    /// <summary>What the benchmark changed from ./moatown up's configuration, for the report's notes.</summary>
    public static readonly string[] Overrides =
    [
        "identity's resident throttles raised for the load (Identity__Residents__RequestsPerClient=1000000, CodesPerPhone=1000): every simulated resident comes from 127.0.0.1, which the production defaults (20 requests per address and 3 codes per phone in 15 minutes) would refuse after 20",
        "the gateway's anonymous rate limit raised (Gateway__RateLimits__Anonymous__PermitLimit=1000000) for the same reason (production: 60 per address per minute)",
        "services log at Warning (Logging__LogLevel__Default), as the other suites measure",
    ];

    public static async Task<WholeSystem> StartAsync(int replicas, CancellationToken cancellationToken)
    {
        var system = new WholeSystem(replicas);
        try
        {
            await system.StartCoreAsync(cancellationToken);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var clock = Stopwatch.StartNew();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Moatown_AppHost>(
        [
            "Infrastructure:Mode=local",
            $"Infrastructure:StateDirectory={state}",
            $"Infrastructure:PostgresPort={FreePort()}",
            $"Infrastructure:BrokerPort={BrokerPort}",
            $"Infrastructure:BrokerManagementPort={FreePort()}",
            $"Parameters:dev-client-secret={DevClientSecret}",
            $"Moatown:Replicas={Replicas.ToString(CultureInfo.InvariantCulture)}",
        ], timeout.Token);
        // The report is the output: the orchestrator's progress, the services' console and the health
        // checks failing while services start would bury it. A resource's stderr still shows.
        builder.Services.AddLogging(logging => logging
            .AddFilter("Aspire", LogLevel.Warning)
            .AddFilter("Moatown.AppHost.Resources", LogLevel.Error)
            // PostgreSQL logs every expected refusal (a database not there yet, one created twice) as an error.
            .AddFilter("Moatown.AppHost.Resources.postgres", LogLevel.None)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter("Microsoft.Extensions.Http", LogLevel.Warning)
            .AddFilter("System.Net.Http", LogLevel.Warning));
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            var resource = builder.CreateResourceBuilder(project).WithEnvironment("Logging__LogLevel__Default", "Warning")
                // The testing host starts no dashboard, so nothing listens where Aspire points the
                // services' OTLP export: without this they would retry a dead endpoint every second.
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", "");
            if (project.Name == "identity")
            {
                resource.WithEnvironment("Identity__Residents__RequestsPerClient", "1000000")
                    .WithEnvironment("Identity__Residents__CodesPerPhone", "1000");
            }
            if (project.Name == "gateway")
            {
                resource.WithEnvironment("Gateway__RateLimits__Anonymous__PermitLimit", "1000000");
            }
        }

        app = await builder.BuildAsync(timeout.Token);
        var healthy = new ConcurrentDictionary<string, TimeSpan>();
        var watching = new[] { "postgres", "broker-server" }.Concat(Services)
            .Select(name => Task.Run(async () =>
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token);
                healthy[name] = clock.Elapsed;
            }, timeout.Token)).ToArray();
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
        ColdStart = clock.Elapsed;
        await Task.WhenAll(watching);
        Healthy = healthy;
        Gateway = app.CreateHttpClient("gateway");
    }

    /// <summary>A development-client token from the gateway's /connect/token, as a city system or staff tool gets one.</summary>
    public async Task<string> TokenAsync(string scope, CancellationToken cancellationToken)
    {
        using var response = await Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "moatown-dev",
            ["client_secret"] = DevClientSecret,
            ["scope"] = scope,
        }), cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("access_token").GetString()!;
    }

    /// <summary>A client of the gateway (or of a service, bypassing it) carrying a token for the scope.</summary>
    public async Task<HttpClient> AuthorizedAsync(string scope, CancellationToken cancellationToken, string resource = "gateway")
    {
        var client = CreateClient(resource);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(scope, cancellationToken));
        return client;
    }

    /// <summary>
    /// A client of its own connection pool: simulated residents do not share one HttpClient's
    /// connections with the staff calls.
    /// </summary>
    public HttpClient CreateClient(string resource = "gateway")
    {
        var address = app!.GetEndpoint(resource, "http");
        return new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10), MaxConnectionsPerServer = 256 })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromMinutes(2),
        };
    }

    public async Task<string> ConnectionStringAsync(string name, CancellationToken cancellationToken) =>
        await app!.GetConnectionStringAsync(name, cancellationToken)
        ?? throw new InvalidOperationException($"No connection string {name}.");

    public async ValueTask DisposeAsync()
    {
        Gateway?.Dispose();
        if (app is not null)
        {
            try
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
                await app.StopAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("The AppHost did not stop within a minute; disposing it anyway.");
            }
            await app.DisposeAsync();
        }
        try { Directory.Delete(state, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
