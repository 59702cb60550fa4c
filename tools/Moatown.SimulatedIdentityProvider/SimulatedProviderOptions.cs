namespace Moatown.SimulatedIdentityProvider;

/// <summary>
/// Configuration section "SimulatedProvider": the relying parties allowed to use this provider and
/// the provider's own secret. A real certificate provider registers clients the same way (an id, a
/// secret and the exact redirect addresses), so a misconfigured client fails here as it would there.
/// </summary>
public sealed class SimulatedProviderOptions
{
    public const string Section = "SimulatedProvider";

    /// <summary>Registered clients by client id.</summary>
    public Dictionary<string, RegisteredClient> Clients { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long an authorization code can be redeemed; real providers allow about a minute.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// HMAC key (base64, at least 32 bytes) from which connecting information (CI) is derived. It must stay
    /// the same across restarts: a CI is only useful because the same person always gets the same one.
    /// </summary>
    public string? ConnectingInformationKey { get; set; }
}

public sealed class RegisteredClient
{
    public string? Secret { get; set; }

    /// <summary>Redirect addresses compared exactly, as OAuth 2.0 requires; anything else is refused.</summary>
    public List<string> RedirectUris { get; set; } = [];
}
