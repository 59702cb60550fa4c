using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Moatown.Web.Staff;

/// <summary>
/// Staff sign in at identity (authorization code + PKCE, two factors on identity's own pages) and
/// come back with a cookie that names them. Their tokens stay on the server
/// (<see cref="StaffTokenStore"/>); the browser never holds one. Residents never sign in: they verify.
/// </summary>
internal static class StaffSignIn
{
    public const string SessionClaim = "sid";

    public static void AddStaffSignIn(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StaffSignInOptions>().BindConfiguration("Web");
        builder.Services.AddSingleton<StaffTokenStore>();
        builder.Services.AddScoped<StaffApi>();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "moatown-staff";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // The same working day as identity's refresh tokens; each request within it slides it on.
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.LoginPath = "/staff/sign-in";
                options.AccessDeniedPath = "/staff/denied";
                options.Events.OnValidatePrincipal = async context =>
                {
                    // A cookie whose tokens are gone (signed out elsewhere, the app restarted, refresh
                    // refused) no longer signs anyone in.
                    var store = context.HttpContext.RequestServices.GetRequiredService<StaffTokenStore>();
                    if (context.Principal?.FindFirst(SessionClaim)?.Value is not { } session || !store.Holds(session))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                };
            });
        builder.Services.AddAuthorization();
    }
}

internal sealed class StaffSignInOptions
{
    /// <summary>The gateway's public address: identity sends staff back to its /signin-callback.</summary>
    public Uri PublicUrl { get; set; } = new("http://localhost:8080");

    public string RedirectUri => new Uri(PublicUrl, "/signin-callback").ToString();

    /// <summary>Every staff API; the services' policies decide what each role may do with them.</summary>
    public const string Scopes = "identity campaigns signing documents notifications offline_access";
    public const string ClientId = "moatown-web";
}
