using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Moatown.Identity.Data;
using Moatown.Identity.Staff;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace Moatown.Identity.Authorization;

/// <summary>
/// Staff sign-in for the web (and later mobile) client: authorization code with PKCE (S256). OpenIddict has
/// checked the client, its redirect URI, the code challenge and the scopes before this runs.
/// </summary>
internal static class AuthorizationEndpoint
{
    public static IEndpointRouteBuilder MapStaffAuthorization(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (Delegate)AuthorizeAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], (Delegate)LogoutAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(
        HttpContext context, IdentityDbContext db, IOpenIddictScopeManager scopes, CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The request did not pass through the OpenIddict server.");

        var session = await StaffSession.CurrentAsync(context);
        var account = session is { Stage: StaffSession.CompleteStage }
            ? await db.StaffAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == session.Value.AccountId, cancellationToken)
            : null;
        if (account is null || !StaffClaims.MayHoldTokens(account) || request.HasPromptValue(OpenIddictConstants.PromptValues.Login))
        {
            if (request.HasPromptValue(OpenIddictConstants.PromptValues.None))
            {
                return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = OpenIddictConstants.Errors.LoginRequired,
                }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }
            await StaffSession.SignOutAsync(context);
            // Back here after the pages, with the same request (prompt=login dropped, or it would loop).
            var parameters = request.GetParameters()
                .Where(parameter => parameter.Key != OpenIddictConstants.Parameters.Prompt)
                .Select(parameter => new KeyValuePair<string, string?>(parameter.Key, parameter.Value.ToString()));
            var returnUrl = "/connect/authorize" + QueryString.Create(parameters);
            return Results.Redirect("/account/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl));
        }

        var principal = await StaffClaims.PrincipalAsync(account, request.GetScopes(), scopes, cancellationToken);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> LogoutAsync(HttpContext context)
    {
        await StaffSession.SignOutAsync(context);
        // OpenIddict sends the browser to the client's registered post_logout_redirect_uri, if it named one.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/account/sign-in" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
