using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Net.Http.Headers;

namespace Moatown.Identity.Staff;

/// <summary>
/// The sign-in pages' HTML: server-rendered, no script, Korean first with the English beside it,
/// one column that fits a phone. Everything the person typed or the server holds is encoded.
/// </summary>
public static class StaffPage
{
    private const string Style =
        "body{font-family:system-ui,'Noto Sans KR',sans-serif;margin:0;padding:1rem;background:#f5f6f8;color:#1b1f24}" +
        "main{max-width:26rem;margin:2rem auto;background:#fff;padding:1.5rem;border-radius:.5rem;box-shadow:0 1px 3px #0002}" +
        "h1{font-size:1.4rem;margin-top:0}label{display:block;margin:1rem 0 .25rem;font-weight:600}" +
        "input{width:100%;box-sizing:border-box;font-size:1.1rem;padding:.6rem;border:1px solid #888;border-radius:.3rem}" +
        "button{margin-top:1.25rem;width:100%;font-size:1.1rem;padding:.7rem;border:0;border-radius:.3rem;background:#0b5cad;color:#fff}" +
        ".error{color:#a4000f;background:#fdecee;padding:.6rem;border-radius:.3rem}.hint{color:#555;font-size:.9rem}" +
        "code{word-break:break-all;font-size:1.05rem}img{display:block;margin:1rem auto;max-width:100%}a{color:#0b5cad}";

    private static readonly string StyleHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)));

    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    /// <summary>
    /// The page with its own policy: its one stylesheet, images inline (the QR code), forms posted
    /// here or followed to the web client's redirect (browsers apply form-action to redirects).
    /// </summary>
    public static IResult Render(HttpContext context, string title, string body, int statusCode = StatusCodes.Status200OK)
    {
        var formTargets = string.Join(' ', ["'self'", .. context.RequestServices.GetRequiredService<StaffClientSettings>().RedirectOrigins]);
        context.Response.Headers[HeaderNames.ContentSecurityPolicy] =
            $"default-src 'none'; style-src 'sha256-{StyleHash}'; img-src data:; form-action {formTargets}; frame-ancestors 'none'; base-uri 'none'";
        context.Response.Headers.CacheControl = "no-store";
        var html = $"""
            <!DOCTYPE html>
            <html lang="ko">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>{Encode(title)} · 모아타운 전자동의</title>
            <style>{Style}</style>
            </head>
            <body><main>
            <h1>{Encode(title)}</h1>
            {body}
            </main></body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    public static string Error(string? message) => message is null ? "" : $"""<p class="error" role="alert">{Encode(message)}</p>""";

    public static string Form(HttpContext context, string action, string? returnUrl, string fields, string button)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"""
            <form method="post" action="{Encode(action)}">
            <input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken)}">
            <input type="hidden" name="returnUrl" value="{Encode(returnUrl)}">
            {fields}
            <button type="submit">{button}</button>
            </form>
            """;
    }

    public static string Field(string id, string label, string type, string autocomplete, string? value = null, string extra = "") =>
        $"""<label for="{id}">{label}</label><input id="{id}" name="{id}" type="{type}" autocomplete="{autocomplete}" value="{Encode(value)}" required {extra}>""";

    public static string CodeField(string label) =>
        Field("code", label, "text", "one-time-code", extra: """inputmode="numeric" pattern="[0-9 ]{6,7}" maxlength="7" """);
}
