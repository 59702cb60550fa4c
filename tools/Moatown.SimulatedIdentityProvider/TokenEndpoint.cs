using System.Text.Json.Serialization;

namespace Moatown.SimulatedIdentityProvider;

/// <summary>
/// POST /token: the client's backchannel exchange of a code for the verified person (client_secret_post).
/// Errors are RFC 6749 error JSON: invalid_client (401) for a wrong client or secret, invalid_grant (400)
/// for a code that is unknown, used, expired, or issued to another client or redirect address.
/// </summary>
public static class TokenEndpoint
{
    public static void MapTokenEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost("/token", async (HttpContext context, ClientRegistry clients, AuthorizationCodes codes, ILogger<AuthorizationCodes> logger) =>
        {
            // Token answers carry personal data: no cache may keep them.
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers.Pragma = "no-cache";
            if (!context.Request.HasFormContentType)
            {
                return Error(StatusCodes.Status400BadRequest, "invalid_request", "the request must be a form post");
            }
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            string? clientId = form["client_id"], code = form["code"], redirectUri = form["redirect_uri"];
            if (!clients.Authenticates(clientId, form["client_secret"]))
            {
                logger.LogWarning("Token request refused: client authentication failed for {ClientId}", clientId);
                return Error(StatusCodes.Status401Unauthorized, "invalid_client", "client authentication failed");
            }
            if (form["grant_type"] != "authorization_code")
            {
                return Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", "only authorization_code is supported");
            }
            if (string.IsNullOrEmpty(code) || string.IsNullOrEmpty(redirectUri))
            {
                return Error(StatusCodes.Status400BadRequest, "invalid_request", "code and redirect_uri are required");
            }

            // Redeeming removes the code first, so a code presented with the wrong redirect is spent as well:
            // whoever holds a leaked code gets one try, not several.
            var issued = codes.Redeem(code);
            if (issued is null || issued.ClientId != clientId || issued.RedirectUri != redirectUri)
            {
                logger.LogWarning("Token request refused for client {ClientId}: the code is unknown, used, expired or bound elsewhere", clientId);
                return Error(StatusCodes.Status400BadRequest, "invalid_grant", "the code is invalid, used, expired or was issued for another request");
            }
            return Results.Json(new VerifiedClaims(issued.Name, issued.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                issued.ConnectingInformation, issued.Nonce, issued.VerifiedAt));
        });

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new OAuthError(error, description), statusCode: status);

    private sealed record OAuthError(
        [property: JsonPropertyName("error")] string Error,
        [property: JsonPropertyName("error_description")] string Description);

    private sealed record VerifiedClaims(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("birthdate")] string BirthDate,
        [property: JsonPropertyName("ci")] string ConnectingInformation,
        [property: JsonPropertyName("nonce")] string Nonce,
        [property: JsonPropertyName("verified_at")] DateTimeOffset VerifiedAt);
}
