using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Moatown.Identity.Data;
using Moatown.Identity.Staff;
using Microsoft.IdentityModel.Tokens;
using Moatown.ServiceDefaults.Auditing;
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

    public static async Task<Results<SignInHttpResult, ForbidHttpResult>> IssueTokenAsync(
        HttpContext context,
        IOpenIddictApplicationManager applications,
        IOpenIddictScopeManager scopes,
        IdentityDbContext db,
        StaffAudit audit,
        CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The request did not pass through the OpenIddict server.");

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            return await IssueStaffTokenAsync(context, request, scopes, db, audit, cancellationToken);
        }
        // The other grant enabled: OpenIddict answers unsupported_grant_type to everything else.
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

    /// <summary>
    /// A staff member's code or refresh token (OpenIddict has validated it). The account is read
    /// again every time, so a disabled account, a reset second factor or a removed role takes
    /// effect at the next refresh, not when the refresh token would have expired.
    /// </summary>
    private static async Task<Results<SignInHttpResult, ForbidHttpResult>> IssueStaffTokenAsync(
        HttpContext context, OpenIddictRequest request, IOpenIddictScopeManager scopes, IdentityDbContext db, StaffAudit audit,
        CancellationToken cancellationToken)
    {
        var granted = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal
            ?? throw new InvalidOperationException("OpenIddict validated the grant but gave no principal.");
        var account = Guid.TryParse(granted.GetClaim(Claims.Subject), out var id)
            ? await db.StaffAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            : null;
        if (account is null || !StaffClaims.MayHoldTokens(account))
        {
            await audit.RecordAsync(StaffAuditActions.RefreshRefused, account is null ? StaffAuditActions.UnknownAccount : StaffAuditActions.Resource(account.Id),
                AuditOutcomes.Denied, account?.Id.ToString(), new Dictionary<string, string> { ["grant"] = request.GrantType ?? "" }, cancellationToken);
            return TypedResults.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidGrant,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The account can no longer sign in.",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }
        var principal = await StaffClaims.PrincipalAsync(account, granted.GetScopes(), scopes, cancellationToken);
        return TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
