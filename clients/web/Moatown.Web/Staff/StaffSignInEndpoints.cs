using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Moatown.Web.Staff;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Authorization code + PKCE (S256) against identity, through the gateway: /staff/sign-in sends the
/// browser to /connect/authorize, identity's pages take the password and the authenticator code, and
/// /signin-callback redeems the code on the server.
/// </summary>
internal static class StaffSignInEndpoints
{
    private const string FlowCookie = "moatown-staff-signin";
    private static readonly TimeSpan FlowLifetime = TimeSpan.FromMinutes(15);

    public static void MapStaffSignIn(this WebApplication app)
    {
        app.MapGet("/staff/sign-in", SignIn).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/signin-callback", CallbackAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/staff/sign-out", SignOutAsync).ExcludeFromDescription();
    }

    private static IResult SignIn(HttpContext context, IDataProtectionProvider protection, IOptions<StaffSignInOptions> options, string? returnUrl)
    {
        var state = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var back = IsLocal(returnUrl) ? returnUrl! : "/staff";
        // The flow's secrets stay with this browser, sealed, for the quarter hour the sign-in may take.
        var sealedFlow = Protector(protection).Protect($"{state}\n{verifier}\n{back}", FlowLifetime);
        context.Response.Cookies.Append(FlowCookie, sealedFlow, new CookieOptions
        {
            HttpOnly = true,
            // Lax: the cookie must come back on identity's top-level redirect to the callback.
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = "/signin-callback",
            MaxAge = FlowLifetime,
        });
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = StaffSignInOptions.ClientId,
            ["response_type"] = "code",
            ["scope"] = StaffSignInOptions.Scopes,
            ["redirect_uri"] = options.Value.RedirectUri,
            ["state"] = state,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });
        return Results.Redirect(authorize);
    }

    private static async Task<IResult> CallbackAsync(
        HttpContext context, IDataProtectionProvider protection, IOptions<StaffSignInOptions> options,
        StaffApi api, StaffTokenStore store, string? code, string? state, string? error, CancellationToken cancellationToken)
    {
        var flow = Unprotect(protection, context.Request.Cookies[FlowCookie]);
        context.Response.Cookies.Delete(FlowCookie, new CookieOptions { Path = "/signin-callback" });
        if (error is not null || flow is null || code is null || state is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(state), Encoding.ASCII.GetBytes(flow.Value.State)))
        {
            // Cancelled, expired, or not started here: a fresh start is the way on.
            return Results.Redirect("/staff/signed-out?reason=retry");
        }
        var tokens = await api.RedeemAsync(code, flow.Value.Verifier, options.Value.RedirectUri, cancellationToken);
        var identity = tokens is null ? null : await api.AccountAsync(tokens.AccessToken, cancellationToken);
        if (tokens is null || identity is null)
        {
            return Results.Redirect("/staff/signed-out?reason=retry");
        }
        identity.AddClaim(new Claim(StaffSignIn.SessionClaim, store.Add(tokens)));
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(flow.Value.Back);
    }

    private static async Task<IResult> SignOutAsync(
        HttpContext context, IAntiforgery antiforgery, StaffTokenStore store, IOptions<StaffSignInOptions> options)
    {
        // Another site must not be able to sign a person out mid-work.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }
        if (context.User.FindFirst(StaffSignIn.SessionClaim)?.Value is { } session)
        {
            store.Remove(session);
        }
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        // Identity ends its own sign-in cookie too, then sends the browser back to the start page.
        return Results.Redirect(QueryHelpers.AddQueryString("/connect/logout", new Dictionary<string, string?>
        {
            ["client_id"] = StaffSignInOptions.ClientId,
            ["post_logout_redirect_uri"] = new Uri(options.Value.PublicUrl, "/").ToString(),
        }));
    }

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector("Moatown.Web.StaffSignIn").ToTimeLimitedDataProtector();

    private static (string State, string Verifier, string Back)? Unprotect(IDataProtectionProvider protection, string? sealedFlow)
    {
        if (string.IsNullOrEmpty(sealedFlow))
        {
            return null;
        }
        try
        {
            var parts = Protector(protection).Unprotect(sealedFlow).Split('\n');
            return parts.Length == 3 ? (parts[0], parts[1], parts[2]) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
