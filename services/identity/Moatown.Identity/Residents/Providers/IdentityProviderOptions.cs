namespace Moatown.Identity.Residents.Providers;

/// <summary>
/// One provider, configuration section "Identity:Residents:Providers:{name}". A provider is added by
/// adding its section; the client secret comes from the secret store, never from appsettings files.
/// </summary>
public sealed class IdentityProviderOptions
{
    public const string Section = "Identity:Residents:Providers";

    /// <summary>The provider's authorization page, where the resident's browser is sent.</summary>
    public Uri? AuthorizeUrl { get; set; }

    /// <summary>The provider's token endpoint, called by this service (backchannel).</summary>
    public Uri? TokenUrl { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>What residents see, e.g. "PASS 인증서"; the configuration name when not set.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Sent as the scope parameter when the provider asks for one (OIDC providers want "openid").</summary>
    public string? Scope { get; set; }

    /// <summary>How long the token request may take. The resident is waiting on the callback page meanwhile.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
