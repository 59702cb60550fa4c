using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Moatown.Web.Display;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The language, text-size and contrast switches are plain links (no script, no form), so they work
/// on every phone and from the keyboard; each sets the cookie and returns to the page it came from.
/// </summary>
internal static class DisplayPreferencesEndpoints
{
    public static void AddDisplayPreferences(this IHostApplicationBuilder builder) =>
        builder.Services.AddScoped(services =>
            services.GetRequiredService<IHttpContextAccessor>().HttpContext?.Items[typeof(DisplayPreferences)] as DisplayPreferences
            ?? DisplayPreferences.Default);

    public static IApplicationBuilder UseDisplayPreferences(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var preferences = DisplayPreferences.FromCookie(context.Request.Cookies[DisplayPreferences.CookieName]);
            context.Items[typeof(DisplayPreferences)] = preferences;
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = preferences.Culture;
            return next(context);
        });

    public static void MapDisplayPreferences(this WebApplication app)
    {
        var display = app.MapGroup("/display").ExcludeFromDescription();
        display.MapGet("/language/{language:regex(^(ko|en)$)}", (HttpContext context, string language, string? back) =>
            Switch(context, back, current => current with { Language = language }));
        display.MapGet("/large-text/{on:bool}", (HttpContext context, bool on, string? back) =>
            Switch(context, back, current => current with { LargeText = on }));
        display.MapGet("/high-contrast/{on:bool}", (HttpContext context, bool on, string? back) =>
            Switch(context, back, current => current with { HighContrast = on }));
    }

    private static RedirectHttpResult Switch(HttpContext context, string? back, Func<DisplayPreferences, DisplayPreferences> change)
    {
        var current = (DisplayPreferences)context.Items[typeof(DisplayPreferences)]!;
        context.Response.Cookies.Append(DisplayPreferences.CookieName, change(current).ToCookie(), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
        // Only back to a page of this site: the link must not become an open redirect.
        return TypedResults.LocalRedirect(back is { Length: > 0 } && back.StartsWith('/') && !back.StartsWith("//", StringComparison.Ordinal) && !back.StartsWith("/\\", StringComparison.Ordinal) ? back : "/");
    }
}
