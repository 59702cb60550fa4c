using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Moatown.SimulatedIdentityProvider;

/// <summary>What a code stands for: the verified person and the request it was issued to.</summary>
public sealed record IssuedCode(
    string ClientId, string RedirectUri, string Nonce, string Name, DateOnly BirthDate, string ConnectingInformation,
    DateTimeOffset VerifiedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// Authorization codes held in memory: single-use, short-lived. A restart forgets them, which only
/// costs a resident who was between the provider's page and the callback a second try.
/// </summary>
public sealed class AuthorizationCodes(TimeProvider time, IOptions<SimulatedProviderOptions> options)
{
    private readonly ConcurrentDictionary<string, IssuedCode> _codes = new(StringComparer.Ordinal);

    public string Issue(string clientId, string redirectUri, string nonce, string name, DateOnly birthDate, string connectingInformation)
    {
        var now = time.GetUtcNow();
        ForgetExpired(now);
        var code = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _codes[code] = new IssuedCode(clientId, redirectUri, nonce, name, birthDate, connectingInformation, now, now + options.Value.CodeLifetime);
        return code;
    }

    /// <summary>The code's grant, removed so it can never be used again; null when unknown, used or expired.</summary>
    public IssuedCode? Redeem(string code)
    {
        if (!_codes.TryRemove(code, out var issued))
        {
            return null;
        }
        return issued.ExpiresAt > time.GetUtcNow() ? issued : null;
    }

    private void ForgetExpired(DateTimeOffset now)
    {
        foreach (var (code, issued) in _codes)
        {
            if (issued.ExpiresAt <= now)
            {
                _codes.TryRemove(code, out _);
            }
        }
    }
}
