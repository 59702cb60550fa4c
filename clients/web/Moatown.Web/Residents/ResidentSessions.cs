using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Moatown.Web.Residents;

/// <summary>
/// A resident's place in the flow, kept in one cookie the browser cannot read or change: the
/// verification under way, then the signer token. HttpOnly (no script sees the token), SameSite=Strict
/// (no other site's page can post with it), protected with ASP.NET Core Data Protection and expiring
/// with the token. The token never appears in a page, a URL or a log line.
/// </summary>
internal static class ResidentSessions
{
    public const string CookieName = "moatown-resident";

    public static void AddResidentSessions(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<ResidentSessionStore>();
        builder.Services.AddScoped<ResidentApi>();
    }
}

/// <summary>What the cookie holds. Before the code: the challenge; after it: the signer token.</summary>
internal sealed record ResidentSession
{
    /// <summary>"link", "entry" or "provider": how the resident came, so a new code can be asked the same way.</summary>
    public string Route { get; init; } = "link";
    public Guid? CampaignId { get; init; }
    public string? CampaignName { get; init; }
    /// <summary>The personal link's token, to send a new code without asking the resident for anything.</summary>
    public string? LinkToken { get; init; }
    public Guid? ChallengeId { get; init; }
    public string? MaskedPhone { get; init; }
    public string? StartMessage { get; init; }
    public DateTimeOffset? CodeExpiresAt { get; init; }
    public int AttemptsAllowed { get; init; }
    public int? AttemptsLeft { get; init; }
    public Guid? ProviderSessionId { get; init; }
    public string? ProviderSecret { get; init; }
    public string? ProviderUrl { get; init; }
    public string? ProviderName { get; init; }
    public string? SignerToken { get; init; }
    public DateTimeOffset? TokenExpiresAt { get; init; }
    /// <summary>Where to go once verified: the status page, or the withdrawal that asked for a fresh verification.</summary>
    public string Next { get; init; } = "/resident";
    /// <summary>Shown once on the next page (a refusal and what to do next, or a confirmation).</summary>
    public ResidentNotice? Notice { get; init; }

    public bool IsVerified(DateTimeOffset now) => SignerToken is not null && TokenExpiresAt > now;
}

/// <param name="Kind">"error", "warning" or "success" (the CSS class of the notice).</param>
public sealed record ResidentNotice(string Kind, string? Reason, string Korean, string English);

/// <summary>Reads and writes the protected cookie for the current request.</summary>
internal sealed class ResidentSessionStore(IHttpContextAccessor accessor, IDataProtectionProvider protection, TimeProvider time)
{
    /// <summary>A verification under way, before the token: long enough to read a text message and type it.</summary>
    private static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(30);
    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Moatown.Web.Residents.ResidentSession.v1").ToTimeLimitedDataProtector();

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("No request: resident sessions live in cookies.");

    public ResidentSession? Read()
    {
        if (Http.Items.TryGetValue(typeof(ResidentSession), out var cached))
        {
            return cached as ResidentSession;
        }
        ResidentSession? session = null;
        if (Http.Request.Cookies[ResidentSessions.CookieName] is { Length: > 0 } value)
        {
            try
            {
                session = JsonSerializer.Deserialize<ResidentSession>(_protector.Unprotect(value));
            }
            catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
            {
                // Expired, from an older key ring, or tampered with: the resident starts again.
                session = null;
            }
        }
        Http.Items[typeof(ResidentSession)] = session;
        return session;
    }

    /// <summary>The session with a live signer token, or null (expired, never verified).</summary>
    public ResidentSession? Verified() => Read() is { } session && session.IsVerified(time.GetUtcNow()) ? session : null;

    public void Write(ResidentSession session)
    {
        var now = time.GetUtcNow();
        var expires = session.SignerToken is not null && session.TokenExpiresAt is { } tokenExpires ? tokenExpires : now + PendingLifetime;
        var value = _protector.Protect(JsonSerializer.Serialize(session), expires);
        Http.Response.Cookies.Append(ResidentSessions.CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = Http.Request.IsHttps,
            Expires = expires,
            Path = "/",
            IsEssential = true,
        });
        Http.Items[typeof(ResidentSession)] = session;
    }

    /// <summary>The notice for this page, removed so a reload does not show it again.</summary>
    public ResidentNotice? TakeNotice()
    {
        if (Read() is not { Notice: { } notice } session)
        {
            return null;
        }
        if (!Http.Response.HasStarted)
        {
            Write(session with { Notice = null });
        }
        return notice;
    }

    public void Clear()
    {
        Http.Response.Cookies.Delete(ResidentSessions.CookieName, new CookieOptions { Path = "/", SameSite = SameSiteMode.Strict, HttpOnly = true });
        Http.Items[typeof(ResidentSession)] = null;
    }
}
