namespace Moatown.Identity.Staff;

/// <summary>
/// The staff web client "moatown-web" (public, authorization code + PKCE): where it may be sent
/// back to after sign-in and sign-out (<c>Identity:WebClient:RedirectUris</c>,
/// <c>:PostLogoutRedirectUris</c>).
/// </summary>
public sealed class StaffClientSettings
{
    public const string SectionName = "Identity:WebClient";
    public const string ClientId = "moatown-web";

    public IReadOnlyList<Uri> RedirectUris { get; }
    public IReadOnlyList<Uri> PostLogoutRedirectUris { get; }
    /// <summary>Origins the sign-in forms may end up at (the page's form-action policy).</summary>
    public IReadOnlyList<string> RedirectOrigins { get; }

    public StaffClientSettings(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        RedirectUris = Read(section.GetSection("RedirectUris"), "http://localhost:8080/signin-callback");
        PostLogoutRedirectUris = Read(section.GetSection("PostLogoutRedirectUris"), "http://localhost:8080/");
        RedirectOrigins = [.. RedirectUris.Concat(PostLogoutRedirectUris).Select(uri => uri.GetLeftPart(UriPartial.Authority)).Distinct(StringComparer.Ordinal)];
    }

    private static List<Uri> Read(IConfigurationSection section, string fallback)
    {
        var values = section.Get<string[]>() is { Length: > 0 } configured ? configured : [fallback];
        return [.. values.Select(value => Uri.TryCreate(value, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host)
            ? uri
            : throw new InvalidOperationException($"{section.Path} holds '{value}', which is not an absolute URI."))];
    }
}
