using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Moatown.ServiceDefaults.Authentication;

public static class AuthenticationExtensions
{
    /// <summary>
    /// Bearer tokens from the identity service: signature (JWKS), issuer, audience and lifetime
    /// are all checked. Every endpoint requires an authenticated caller unless it opts out, so a
    /// forgotten policy denies instead of exposing.
    /// </summary>
    /// <param name="scope">This service's scope; its audience is the only one accepted.</param>
    public static TBuilder AddDefaultAuthentication<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IHostApplicationBuilder
    {
        var identity = builder.Configuration.GetSection("Identity");
        var identityUrl = identity["Url"] ?? throw new InvalidOperationException("Identity:Url is not configured.");
        var issuer = identity["Issuer"] ?? throw new InvalidOperationException("Identity:Issuer is not configured.");
        var audience = Scopes.AudienceOf(scope);

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                // Keys come from the identity service over the internal network; the issuer in
                // tokens is the public one, so both are configured separately.
                options.MetadataAddress = $"{identityUrl.TrimEnd('/')}/.well-known/openid-configuration";
                options.RequireHttpsMetadata = options.MetadataAddress.StartsWith("https://", StringComparison.Ordinal);
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuer = issuer.TrimEnd('/') + "/",
                    ValidIssuers = [issuer.TrimEnd('/') + "/", issuer.TrimEnd('/')],
                    ValidateAudience = true,
                    ValidAudience = audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    ValidateIssuerSigningKey = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                    ValidTypes = ["at+jwt", "JWT"],
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.ScopeOf(scope), policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.HasScope(scope)));

        return builder;
    }

    /// <summary>Scopes may arrive as one space-separated claim or as one claim each.</summary>
    public static bool HasScope(this ClaimsPrincipal user, string scope) =>
        user.FindAll("scope").Concat(user.FindAll("scp"))
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(scope, StringComparer.Ordinal);

    /// <summary>The caller's subject: the staff account or OAuth client the token was issued to.</summary>
    public static string SubjectId(this ClaimsPrincipal user) =>
        user.FindFirstValue("sub") ?? throw new InvalidOperationException("Token has no subject.");

    /// <summary>The district a district officer is bound to, or null when the token names none.</summary>
    public static string? District(this ClaimsPrincipal user) =>
        user.FindFirstValue(MoatownClaims.District) is { Length: > 0 } district ? district : null;
}
