using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moatown.Identity.Residents.Providers;

namespace Moatown.IntegrationTests.Identity;

/// <summary>
/// The identity service's provider registration on its own, as Extensions.AddApplicationServices makes it:
/// the service defaults (whose HTTP resilience the registration replaces) and AddIdentityProviders from configuration.
/// </summary>
public static class IdentitySide
{
    public static IHost Build(Dictionary<string, string?> settings)
    {
        // No defaults: the test output folder holds some service's appsettings files, which must not decide a test.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        builder.AddIdentityProviders();
        return builder.Build();
    }

    /// <summary>Settings for the "simulated" provider at <paramref name="provider"/>, as the AppHost passes them.</summary>
    public static Dictionary<string, string?> SimulatedSettings(Uri provider, string clientSecret = SimulatedProviderHost.ClientSecret) => new()
    {
        ["Identity:RequireHttps"] = "false",
        ["Identity:Residents:Providers:simulated:AuthorizeUrl"] = new Uri(provider, "/authorize").AbsoluteUri,
        ["Identity:Residents:Providers:simulated:TokenUrl"] = new Uri(provider, "/token").AbsoluteUri,
        ["Identity:Residents:Providers:simulated:ClientId"] = SimulatedProviderHost.ClientId,
        ["Identity:Residents:Providers:simulated:ClientSecret"] = clientSecret,
        ["Identity:Residents:Providers:simulated:DisplayName"] = "모의 인증서",
    };

    public static IIdentityProvider Simulated(this IHost host) =>
        host.Services.GetRequiredService<IdentityProviders>().Find("simulated") ?? throw new InvalidOperationException("simulated is not registered");
}
