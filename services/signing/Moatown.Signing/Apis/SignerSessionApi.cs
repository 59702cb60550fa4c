using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.Signing.Apis;

/// <summary>
/// What the resident's signer token entitles them to: one holder of one campaign, verified in a
/// stated way. The resident client reads it to know whose form to show; the campaign and holder
/// come from the token alone, never from the request.
/// </summary>
public static class SignerSessionApi
{
    public const string SignerPolicy = "signing:signer";

    public static RouteGroupBuilder MapSignerSessionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/signing")
            .RequireAuthorization(SignerPolicy)
            .WithTags("Signer")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/session", GetSignerSession).WithName(nameof(GetSignerSession))
            .WithSummary("The campaign and holder the signer token names")
            .WithDescription("Requires a signer token from identity's resident verification.");
        return api;
    }

    public static Ok<SignerSession> GetSignerSession(ClaimsPrincipal user) =>
        TypedResults.Ok(new SignerSession(
            Guid.Parse(user.FindFirstValue(SignerClaims.Campaign)!),
            Guid.Parse(user.FindFirstValue(SignerClaims.Holder)!),
            user.FindFirstValue(SignerClaims.Method) ?? "unknown",
            long.TryParse(user.FindFirstValue(SignerClaims.VerifiedAt), out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
            long.TryParse(user.FindFirstValue("exp"), out var expires) ? DateTimeOffset.FromUnixTimeSeconds(expires) : null));
}

/// <param name="VerificationMethod">"sms" or "provider:{name}".</param>
public sealed record SignerSession(Guid CampaignId, Guid HolderId, string VerificationMethod, DateTimeOffset? VerifiedAt, DateTimeOffset? ExpiresAt);
