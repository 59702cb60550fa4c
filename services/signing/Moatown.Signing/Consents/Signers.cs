using System.Security.Claims;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.Signing.Consents;

internal static class Signers
{
    /// <summary>The campaign and holder come from the signer token, never from the request.</summary>
    public static Signer SignerOf(this ClaimsPrincipal user) => new(
        Guid.Parse(user.FindFirstValue(SignerClaims.Campaign)!),
        Guid.Parse(user.FindFirstValue(SignerClaims.Holder)!),
        user.FindFirstValue(SignerClaims.Method) ?? "unknown",
        long.TryParse(user.FindFirstValue(SignerClaims.VerifiedAt), out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null);
}
