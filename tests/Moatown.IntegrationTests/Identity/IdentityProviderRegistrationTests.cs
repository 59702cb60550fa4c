using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moatown.Identity.Residents.Providers;

namespace Moatown.IntegrationTests.Identity;

/// <summary>Providers exist by configuration only, and a provider configured unsafely stops the service at start.</summary>
public sealed class IdentityProviderRegistrationTests
{
    [Fact]
    public void With_no_provider_configured_none_is_registered()
    {
        using var identity = IdentitySide.Build(new() { ["Identity:RequireHttps"] = "false" });

        var providers = identity.Services.GetRequiredService<IdentityProviders>();
        Assert.False(providers.Any);
        Assert.Empty(identity.Services.GetServices<IIdentityProvider>());
        Assert.Null(providers.Find("simulated"));
    }

    [Fact]
    public void A_provider_is_added_by_its_configuration_section()
    {
        var settings = IdentitySide.SimulatedSettings(new Uri("http://127.0.0.1:5190/"));
        settings["Identity:Residents:Providers:pass:AuthorizeUrl"] = "https://pass.example/oauth2/authorize";
        settings["Identity:Residents:Providers:pass:TokenUrl"] = "https://pass.example/oauth2/token";
        settings["Identity:Residents:Providers:pass:ClientId"] = "moatown";
        settings["Identity:Residents:Providers:pass:ClientSecret"] = "secret";
        settings["Identity:Residents:Providers:pass:Scope"] = "openid";
        using var identity = IdentitySide.Build(settings);

        var providers = identity.Services.GetRequiredService<IdentityProviders>();
        Assert.Equal(["pass", "simulated"], providers.All.Select(p => p.Name).Order());
        var pass = providers.Find("PASS")!;
        Assert.Equal("pass", pass.DisplayName);
        var authorization = pass.BuildAuthorizationUri("the-state", "the-nonce", new Uri("https://moatown.example/callback?x=1"));
        Assert.Equal("https://pass.example/oauth2/authorize?response_type=code&client_id=moatown&redirect_uri=https%3A%2F%2Fmoatown.example%2Fcallback%3Fx%3D1&state=the-state&nonce=the-nonce&scope=openid",
            authorization.AbsoluteUri);
    }

    [Theory]
    [InlineData("TokenUrl", "http://pass.example/token")]
    [InlineData("TokenUrl", "/token")]
    [InlineData("ClientSecret", "")]
    [InlineData("AuthorizeUrl", null)]
    public void A_provider_configured_incompletely_or_without_https_stops_the_service(string key, string? value)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Identity:RequireHttps"] = "true",
            ["Identity:Residents:Providers:pass:AuthorizeUrl"] = "https://pass.example/authorize",
            ["Identity:Residents:Providers:pass:TokenUrl"] = "https://pass.example/token",
            ["Identity:Residents:Providers:pass:ClientId"] = "moatown",
            ["Identity:Residents:Providers:pass:ClientSecret"] = "secret",
        };
        settings[$"Identity:Residents:Providers:pass:{key}"] = value;

        var refused = Assert.Throws<OptionsValidationException>(() => IdentitySide.Build(settings).Dispose());
        Assert.Contains($"Identity:Residents:Providers:pass:{key}", refused.Message, StringComparison.Ordinal);
    }
}
