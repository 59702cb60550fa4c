using Moatown.Identity.Data;
using Moatown.ServiceDefaults.Authentication;
using OpenIddict.Abstractions;

namespace Moatown.Identity.Authorization;

internal static class AuthorizationServer
{
    /// <summary>Access tokens are short-lived: there is no revocation check at the resource servers.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(15);

    /// <summary>A working day: each refresh issues a new refresh token (rolling) and re-reads the account.</summary>
    public static readonly TimeSpan StaffRefreshTokenLifetime = TimeSpan.FromHours(8);

    /// <summary>
    /// OpenIddict as the OAuth 2.0 authorization server of the system: clients, scopes and tokens
    /// live in the identity database; tokens are signed JWTs that every service checks with JWKS.
    /// </summary>
    public static IHostApplicationBuilder AddAuthorizationServer(this IHostApplicationBuilder builder)
    {
        var identity = builder.Configuration.GetSection("Identity");
        // Tokens name the public address (the gateway), not this service's internal one, so the
        // issuer cannot be inferred from the request.
        var issuer = identity["Issuer"] is { Length: > 0 } value
            ? new Uri(value.TrimEnd('/') + "/", UriKind.Absolute)
            : throw new InvalidOperationException("Identity:Issuer is not configured.");
        // TLS ends at the gateway or ingress; only configuration may waive the HTTPS check.
        var requireHttps = identity.GetValue("RequireHttps", defaultValue: true);

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(issuer);
                // Discovery (.well-known/openid-configuration) and JWKS (.well-known/jwks) keep
                // their default addresses.
                server.SetTokenEndpointUris("connect/token")
                    .SetAuthorizationEndpointUris("connect/authorize")
                    .SetEndSessionEndpointUris("connect/logout");

                // Machine clients (services, city systems) with client credentials; people (staff)
                // with authorization code + PKCE through the sign-in pages, and refresh tokens.
                server.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow();
                // Every code exchange proves possession with S256; "plain" would give a stolen
                // authorization request's verifier away.
                server.RequireProofKeyForCodeExchange();
                server.Configure(options => options.CodeChallengeMethods.Remove(OpenIddictConstants.CodeChallengeMethods.Plain));
                server.SetRefreshTokenLifetime(StaffRefreshTokenLifetime);

                server.RegisterScopes([.. Scopes.All, OpenIddictConstants.Scopes.OfflineAccess]);
                server.SetAccessTokenLifetime(AccessTokenLifetime);
                // Resource servers read the token themselves; encrypting it would force them to
                // hold the decryption key or call back here.
                server.DisableAccessTokenEncryption();

                server.AddServerKeys(builder.Environment, builder.Configuration);

                var aspNetCore = server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!requireHttps)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });

        return builder;
    }
}
