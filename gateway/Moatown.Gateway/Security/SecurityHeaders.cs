using Microsoft.Net.Http.Headers;
using Moatown.Gateway.ApiReference;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Browser hardening on every response, the gateway's own and the services' alike, so no
/// service can forget it. Applied when the response starts, which also covers error pages
/// written after an exception cleared the headers.
/// </summary>
internal static class SecurityHeaders
{
    // The APIs return JSON only: nothing may load, run or frame.
    private const string ApiContentSecurityPolicy =
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    private static readonly HashSet<string> LocalHosts = new(StringComparer.OrdinalIgnoreCase) { "localhost", "127.0.0.1", "[::1]" };

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context);
                return Task.CompletedTask;
            });
            return next(context);
        });

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;

        // What the services run on is nobody's business.
        headers.Remove(HeaderNames.Server);
        headers.Remove(HeaderNames.XPoweredBy);

        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";

        // A service that serves HTML (e.g. a sign-in page) sends the policy that page needs;
        // everything else gets the strict API policy.
        if (ApiReferencePage.IsPage(context))
        {
            headers.ContentSecurityPolicy = ApiReferencePage.ContentSecurityPolicy(context);
        }
        else if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = ApiContentSecurityPolicy;
        }

        // HSTS only over https (browsers ignore it otherwise) and never for localhost, where it
        // would pin every local development server of the developer to https for a year.
        if (context.Request.IsHttps && !LocalHosts.Contains(context.Request.Host.Host))
        {
            headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
        }
    }
}
