using Microsoft.AspNetCore.Authentication.Cookies;

namespace Moatown.Web.Staff;

/// <summary>
/// Staff sign in at identity (authorization code + PKCE, two-factor on identity's own pages) and
/// come back with a cookie that holds their tokens. Residents never sign in: they verify instead.
/// </summary>
internal static class StaffSignIn
{
    public static void AddStaffSignIn(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "moatown-staff";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.LoginPath = "/staff/sign-in";
            });
        builder.Services.AddAuthorization();
    }
}
