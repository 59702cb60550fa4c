using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Moatown.Identity.Staff;

/// <summary>
/// The short-lived cookie that carries a sign-in between the pages (password, code, back to
/// /connect/authorize). It is not a session for the apps: they get tokens. Its stage says how far
/// the person got: "password" (second factor still due) or "complete".
/// </summary>
public static class StaffSession
{
    public const string Scheme = "staff-sign-in";
    public const string CookieName = "moatown-staff";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private const string StageClaim = "stage";
    public const string PasswordStage = "password";
    public const string CompleteStage = "complete";

    public static IHostApplicationBuilder AddStaffSession(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication()
            .AddCookie(Scheme, options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request came over HTTPS (the gateway's X-Forwarded-Proto counts).
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.Cookie.Path = "/";
                options.ExpireTimeSpan = Lifetime;
                options.SlidingExpiration = false;
                options.LoginPath = "/account/sign-in";
                options.ReturnUrlParameter = "returnUrl";
            });
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "moatown-staff-af";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = "__RequestVerificationToken";
        });
        return builder;
    }

    public static Task SignInAsync(HttpContext context, Guid accountId, string stage) =>
        context.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", accountId.ToString()), new Claim(StageClaim, stage)], Scheme)),
            new AuthenticationProperties { IsPersistent = false, AllowRefresh = false });

    /// <summary>The account id and stage of the sign-in in progress, or null.</summary>
    public static async Task<(Guid AccountId, string Stage)?> CurrentAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(Scheme);
        return result.Succeeded
            && Guid.TryParse(result.Principal.FindFirstValue("sub"), out var id)
            && result.Principal.FindFirstValue(StageClaim) is { } stage
            ? (id, stage)
            : null;
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(Scheme);
}
