using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Moatown.SimulatedIdentityProvider;

/// <summary>The configured clients: who may send residents here, and where they may be sent back.</summary>
public sealed class ClientRegistry(IOptions<SimulatedProviderOptions> options)
{
    /// <summary>
    /// True only for a known client and one of its registered redirect addresses, compared exactly:
    /// anything else would make this page an open redirect that hands codes to a stranger.
    /// </summary>
    public bool AllowsRedirect(string? clientId, string? redirectUri) =>
        clientId is not null && redirectUri is not null
        && options.Value.Clients.TryGetValue(clientId, out var client)
        && client.RedirectUris.Contains(redirectUri, StringComparer.Ordinal);

    public bool Authenticates(string? clientId, string? secret)
    {
        if (clientId is null || secret is null || !options.Value.Clients.TryGetValue(clientId, out var client)
            || string.IsNullOrEmpty(client.Secret))
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(client.Secret), Encoding.UTF8.GetBytes(secret));
    }
}
