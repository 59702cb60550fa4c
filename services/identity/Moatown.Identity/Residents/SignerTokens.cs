using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Moatown.ServiceDefaults.Authentication;
using OpenIddict.Server;

namespace Moatown.Identity.Residents;

/// <summary>
/// Issues the signer token: a JWT access token for the signing service alone, signed with the same
/// key as every other token of this issuer (so the signing service checks it like any other, by
/// JWKS, issuer, audience and lifetime), naming one holder of one campaign and how they proved it.
/// It is minted here rather than at /connect/token because no OAuth grant fits a resident who has
/// just typed a text-message code, and the resident needs a problem detail, not an OAuth error,
/// when the code is wrong.
/// </summary>
public sealed class SignerTokens(IOptionsMonitor<OpenIddictServerOptions> server, IOptions<ResidentOptions> options, TimeProvider time)
{
    /// <summary>The client id signer tokens name: the resident's browser, not an OAuth client of ours.</summary>
    public const string ResidentClient = "moatown-resident";

    public SignerToken Issue(Guid campaignId, Guid holderId, string method, DateTimeOffset verifiedAt)
    {
        var settings = server.CurrentValue;
        var issuer = settings.Issuer ?? throw new InvalidOperationException("The authorization server has no issuer.");
        var credentials = settings.SigningCredentials.FirstOrDefault()
            ?? throw new InvalidOperationException("The authorization server has no signing key.");
        var now = time.GetUtcNow();
        var expires = now + options.Value.SignerTokenLifetime;
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "at+jwt",
            Issuer = issuer.AbsoluteUri,
            Audience = Scopes.AudienceOf(Scopes.Signing),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = credentials,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = holderId.ToString("D"),
                ["jti"] = Guid.NewGuid().ToString("N"),
                ["client_id"] = ResidentClient,
                ["scope"] = SignerClaims.Scope,
                [SignerClaims.Campaign] = campaignId.ToString("D"),
                [SignerClaims.Holder] = holderId.ToString("D"),
                [SignerClaims.Method] = method,
                [SignerClaims.VerifiedAt] = verifiedAt.ToUnixTimeSeconds(),
            },
        });
        return new SignerToken(token, expires);
    }
}

public sealed record SignerToken(string Token, DateTimeOffset ExpiresAt);
