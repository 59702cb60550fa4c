using Microsoft.AspNetCore.Mvc;

namespace Moatown.Gateway;

/// <summary>
/// Writes the gateway's own error responses as RFC 9457 problem details, through the shared
/// <see cref="IProblemDetailsService"/> so they carry the same traceId as the services' errors.
/// </summary>
internal static class ProblemResponses
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string? detail = null, string? type = null)
    {
        context.Response.StatusCode = status;
        var problemDetails = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var written = await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = type },
        });

        if (!written)
        {
            // The client accepts neither JSON nor problem+json (e.g. a browser asking for HTML):
            // plain text still says what went wrong.
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(detail is null ? title : $"{title} {detail}");
        }
    }
}
