using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.Tokens;
using Moatown.ServiceDefaults.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Moatown.Identity.Authorization;

internal static class TokenEndpoint
{
    /// <summary>
    /// The token endpoint in passthrough mode: OpenIddict has already authenticated the client,
    /// checked its grant type and rejected any scope it is not permitted before this runs; here
    /// the token's identity is built.
    /// </summary>
    public static IEndpointConventionBuilder MapTokenEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost("/connect/token", IssueTokenAsync)
            // Clients authenticate with the request itself, not with a bearer token.
            .AllowAnonymous()
            .ExcludeFromDescription();

    public static async Task<SignInHttpResult> IssueTokenAsync(
        HttpContext context,
        IOpenIddictApplicationManager applications,
        IOpenIddictScopeManager scopes,
        CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The request did not pass through the OpenIddict server.");

        // The only grant enabled: OpenIddict answers unsupported_grant_type to everything else.
        if (!request.IsClientCredentialsGrantType())
        {
            throw new InvalidOperationException($"Grant type '{request.GrantType}' is not handled.");
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken)
            ?? throw new InvalidOperationException("The authenticated client no longer exists.");

        var identity = new ClaimsIdentity(
            TokenValidationParameters.DefaultAuthenticationType, Claims.Subject, Claims.Role);
        identity.SetClaim(Claims.Subject, await applications.GetClientIdAsync(application, cancellationToken));
        var roles = await ClientRoles.GetAsync(applications, application, cancellationToken);
        identity.SetClaims(Claims.Role, roles);
        // Only a district officer or a city system is bound to a district: no token carries a claim its roles do not explain.
        if ((roles.Contains(Roles.DistrictOfficer) || roles.Contains(Roles.CitySystem))
            && await ClientDistrict.GetAsync(applications, application, cancellationToken) is { } district)
        {
            identity.SetClaim(MoatownClaims.District, district);
        }

        // Each scope carries its service's audience, so the token is accepted by exactly the
        // services whose scopes were granted.
        identity.SetScopes(request.GetScopes());
        identity.SetResources(await scopes.ListResourcesAsync(identity.GetScopes(), cancellationToken).ToListAsync(cancellationToken));

        // Nothing here is personal data: every claim may travel in the access token.
        identity.SetDestinations(static _ => [Destinations.AccessToken]);

        return TypedResults.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
