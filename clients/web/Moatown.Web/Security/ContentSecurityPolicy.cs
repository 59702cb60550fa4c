namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Every asset is the app's own: no CDN, no inline script, no framing. The gateway keeps a
/// policy a service sends and gives its strict API policy to everything else.
/// </summary>
internal static class ContentSecurityPolicy
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    public static IApplicationBuilder UseContentSecurityPolicy(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.ContentSecurityPolicy = Policy;
                return Task.CompletedTask;
            });
            return next(context);
        });
}
