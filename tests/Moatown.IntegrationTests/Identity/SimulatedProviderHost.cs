using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moatown.IntegrationTests.Notifications;
using Moatown.SimulatedIdentityProvider;

namespace Moatown.IntegrationTests.Identity;

/// <summary>
/// The simulated certificate provider on a free port over real HTTP, with identity registered as its client,
/// as the AppHost runs it in Development. Its log lines are captured so tests can look for personal data.
/// </summary>
public sealed class SimulatedProviderHost : IAsyncDisposable
{
    public const string ClientId = "moatown-identity";
    public const string ClientSecret = "integration-provider-client-secret";
    public static readonly Uri RedirectUri = new("https://moatown.test/api/identity/resident-verifications/provider/callback");

    private readonly Factory _factory;

    private SimulatedProviderHost(Factory factory, Uri url, CapturedLogs logs)
    {
        _factory = factory;
        Url = url;
        Logs = logs;
    }

    public Uri Url { get; }

    public CapturedLogs Logs { get; }

    public static SimulatedProviderHost Start(TimeSpan? codeLifetime = null)
    {
        var logs = new CapturedLogs();
        var factory = new Factory(new Dictionary<string, string?>
        {
            [$"SimulatedProvider:Clients:{ClientId}:Secret"] = ClientSecret,
            [$"SimulatedProvider:Clients:{ClientId}:RedirectUris:0"] = RedirectUri.AbsoluteUri,
            ["SimulatedProvider:ConnectingInformationKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["SimulatedProvider:CodeLifetime"] = (codeLifetime ?? TimeSpan.FromSeconds(60)).ToString("c"),
        }, logs);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new SimulatedProviderHost(factory, new Uri(address), logs);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    // The options type stands for the provider's assembly, as the DbContexts do for the services.
    private sealed class Factory(IReadOnlyDictionary<string, string?> settings, CapturedLogs logs)
        : WebApplicationFactory<SimulatedProviderOptions>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        }
    }
}
