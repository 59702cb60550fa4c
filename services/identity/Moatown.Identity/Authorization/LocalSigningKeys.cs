using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OpenIddict.Server;

namespace Moatown.Identity.Authorization;

/// <summary>
/// Identity checks tokens for its own API with the keys it signs them with, in process, instead
/// of fetching its own JWKS over HTTP: no dependency on knowing its own address, and no request
/// to itself. Every other rule (issuer, audience, lifetime, claims) is the shared one.
/// </summary>
internal sealed class LocalSigningKeys(IOptions<OpenIddictServerOptions> server) : IPostConfigureOptions<JwtBearerOptions>
{
    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        var configuration = new OpenIdConnectConfiguration { Issuer = server.Value.Issuer?.AbsoluteUri };
        foreach (var credentials in server.Value.SigningCredentials)
        {
            configuration.SigningKeys.Add(credentials.Key);
        }

        options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
    }
}
