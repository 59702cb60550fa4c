using Microsoft.AspNetCore.WebUtilities;

namespace Moatown.SimulatedIdentityProvider;

/// <summary>
/// GET /authorize shows the confirmation page; POST /authorize is the resident pressing 인증 or 취소, and
/// sends the browser back to the client with a code (or access_denied) and the client's state.
/// </summary>
public static class AuthorizeEndpoints
{
    public static void MapAuthorizeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/authorize", (HttpContext context, ClientRegistry clients) =>
        {
            var request = AuthorizationRequest.From(context.Request.Query);
            if (!clients.AllowsRedirect(request.ClientId, request.RedirectUri))
            {
                return AuthorizePage.Error("등록되지 않은 서비스이거나 돌아갈 주소가 올바르지 않습니다.");
            }
            return request.Error() is { } error ? BackToClient(request, ("error", error)) : AuthorizePage.Form(request);
        }).WithPageHeaders();

        app.MapPost("/authorize", async (HttpContext context, ClientRegistry clients, AuthorizationCodes codes,
            ConnectingInformation connectingInformation, TimeProvider time, ILogger<AuthorizationCodes> logger) =>
        {
            if (!context.Request.HasFormContentType)
            {
                return AuthorizePage.Error("요청 형식이 올바르지 않습니다.");
            }
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var request = AuthorizationRequest.From(form);
            if (!clients.AllowsRedirect(request.ClientId, request.RedirectUri))
            {
                return AuthorizePage.Error("등록되지 않은 서비스이거나 돌아갈 주소가 올바르지 않습니다.");
            }
            if (request.Error() is { } error)
            {
                return BackToClient(request, ("error", error));
            }
            if (form["action"] == "cancel")
            {
                return BackToClient(request, ("error", "access_denied"));
            }

            // Birth dates are Korean calendar dates: "today" is today in Korea (UTC+9, no daylight saving).
            var (answer, problem) = ResidentAnswer.Read(form, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddHours(9)));
            if (answer is null)
            {
                return AuthorizePage.Form(request, problem, form["name"], form["birthdate"], StatusCodes.Status400BadRequest);
            }
            var code = codes.Issue(request.ClientId!, request.RedirectUri!, request.Nonce!, answer.Name, answer.BirthDate,
                connectingInformation.For(answer.Name, answer.BirthDate));
            // Who was verified is personal data and stays out of the log; the client is enough to follow a flow.
            logger.LogInformation("Issued an authorization code to client {ClientId}", request.ClientId);
            return BackToClient(request, ("code", code));
        }).WithPageHeaders();
    }

    private static IResult BackToClient(AuthorizationRequest request, (string Name, string Value) result)
    {
        var parameters = new Dictionary<string, string?> { [result.Name] = result.Value, ["state"] = request.State };
        return Results.Redirect(QueryHelpers.AddQueryString(request.RedirectUri!, parameters));
    }

    /// <summary>The page may not be framed (a framed confirm button invites clickjacking) nor cached.</summary>
    private static RouteHandlerBuilder WithPageHeaders(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
            headers.CacheControl = "no-store";
            headers["Referrer-Policy"] = "no-referrer";
            return await next(context);
        });
}
