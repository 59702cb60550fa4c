using Scalar.AspNetCore;

namespace Moatown.Gateway.ApiReference;

/// <summary>
/// The API reference at /docs: Scalar, served from the package itself (no CDN), showing each
/// service's OpenAPI document, which the gateway republishes at /openapi/{service}.json.
/// </summary>
internal static class ApiReferencePage
{
    public const string Path = "/docs";

    // Keep in step with the "*-openapi" routes in appsettings.json.
    private static readonly (string Name, string Title)[] Services =
    [
        ("identity", "Identity"),
        ("campaigns", "Campaigns"),
        ("signing", "Signing"),
        ("documents", "Documents"),
        ("notifications", "Notifications"),
    ];

    public static void MapApiReference(this WebApplication app)
    {
        app.MapScalarApiReference(Path, options => options
            .WithTitle("Moatown e-consent API")
            .AddDocuments(Services.Select(service => new ScalarDocument(service.Name, service.Title)))
            // Everything the page loads comes from the gateway; nothing phones home.
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            // Scalar's toolbar sends documents to its cloud (share, SDK generation): not ours.
            .HideDeveloperTools()
            // A fresh nonce per response lets the page's inline script run under a CSP that
            // allows no other inline script.
            .WithNonce());
    }

    /// <summary>True for the HTML page itself (Scalar sets its nonce only there).</summary>
    public static bool IsPage(HttpContext context) =>
        context.Items.ContainsKey(ScalarOptions.NonceHttpContextItemKey);

    /// <summary>
    /// Relaxed only as far as Scalar needs: its own script plus the nonced inline bootstrap,
    /// inline styles (it injects them at run time) and same-origin fetches of the documents.
    /// </summary>
    public static string ContentSecurityPolicy(HttpContext context) =>
        $"default-src 'none'; script-src 'self' 'nonce-{context.Items[ScalarOptions.NonceHttpContextItemKey]}'; " +
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
}
