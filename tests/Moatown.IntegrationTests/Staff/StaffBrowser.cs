using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Moatown.Identity.Data;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;
using OtpNet;

namespace Moatown.IntegrationTests.Staff;

/// <summary>
/// A person at a browser: follows identity's sign-in pages with cookies, posts the forms with
/// their antiforgery field, and plays the web client's side of authorization code + PKCE.
/// </summary>
public sealed partial class StaffBrowser(ServiceFactory<IdentityDbContext> identity) : IDisposable
{
    public const string ClientId = "moatown-web";
    public const string RedirectUri = "http://localhost:8080/signin-callback";
    public static readonly string AllScopes = string.Join(' ', [.. Scopes.All, "offline_access"]);

    public HttpClient Http { get; } = identity.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri(SystemFixture.Issuer),
    });

    public void Dispose() => Http.Dispose();

    public static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(string challenge, string? method = "S256", string redirectUri = RedirectUri, string? scope = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope ?? AllScopes,
            ["state"] = "state-" + Guid.NewGuid().ToString("N"),
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = method,
        };
        return "/connect/authorize" + Microsoft.AspNetCore.Http.QueryString.Create(query.Where(pair => pair.Value is not null));
    }

    /// <summary>GET, answering the redirect location (relative to identity, or the client's absolute one).</summary>
    public async Task<Uri> RedirectOfAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect from {url}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!;
    }

    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, Dictionary<string, string> fields)
    {
        using var page = await Http.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"Expected the page {pageUrl}, got {(int)page.StatusCode} {html}");
        var action = WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value);
        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value),
            ["returnUrl"] = WebUtility.HtmlDecode(ReturnUrlField().Match(html).Groups[1].Value),
        };
        return await Http.PostAsync(action, new FormUrlEncodedContent(form));
    }

    /// <summary>The first sign-in: activation code and new password, then the authenticator app. Answers the TOTP secret.</summary>
    public async Task<(string Secret, Uri Callback, TotpDevice Device)> ActivateAsync(string authorizeUrl, string userName, string activationCode, string password, TotpDevice? device = null)
    {
        var signIn = await RedirectOfAsync(authorizeUrl);
        Assert.StartsWith("/account/sign-in", signIn.OriginalString, StringComparison.Ordinal);
        var activate = signIn.OriginalString.Replace("/account/sign-in", "/account/activate", StringComparison.Ordinal);
        using var activated = await PostFormAsync(activate, new()
        {
            ["userName"] = userName, ["activationCode"] = activationCode, ["password"] = password, ["passwordConfirmation"] = password,
        });
        Assert.True(activated.StatusCode == HttpStatusCode.Redirect, await activated.Content.ReadAsStringAsync());
        var enrol = activated.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/enrol", enrol, StringComparison.Ordinal);
        using var page = await Http.GetAsync(enrol);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
        var secret = TotpSecret().Match(html).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        Assert.NotEmpty(secret);
        device ??= new TotpDevice(secret);
        using var confirmed = await PostFormAsync(enrol, new() { ["code"] = await device.NextCodeAsync() });
        Assert.True(confirmed.StatusCode == HttpStatusCode.Redirect, await confirmed.Content.ReadAsStringAsync());
        return (secret, await RedirectOfAsync(confirmed.Headers.Location!.OriginalString), device);
    }

    /// <summary>A later sign-in: password, then a code. Answers where the authorization endpoint sent the browser.</summary>
    public async Task<Uri> SignInAsync(string authorizeUrl, string userName, string password, TotpDevice device)
    {
        var signIn = await RedirectOfAsync(authorizeUrl);
        using var passwordAnswer = await PostFormAsync(signIn.OriginalString, new() { ["userName"] = userName, ["password"] = password });
        Assert.True(passwordAnswer.StatusCode == HttpStatusCode.Redirect, await passwordAnswer.Content.ReadAsStringAsync());
        var codePage = passwordAnswer.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/code", codePage, StringComparison.Ordinal);
        using var codeAnswer = await PostFormAsync(codePage, new() { ["code"] = await device.NextCodeAsync() });
        Assert.True(codeAnswer.StatusCode == HttpStatusCode.Redirect, await codeAnswer.Content.ReadAsStringAsync());
        return await RedirectOfAsync(codeAnswer.Headers.Location!.OriginalString);
    }

    public static string CodeOf(Uri callback)
    {
        Assert.StartsWith(RedirectUri, callback.AbsoluteUri, StringComparison.Ordinal);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(callback.Query);
        Assert.False(query.ContainsKey("error"), callback.Query);
        return query["code"].ToString();
    }

    public async Task<HttpResponseMessage> ExchangeAsync(string code, string verifier, string redirectUri = RedirectUri) =>
        await Http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = ClientId,
            ["code"] = code,
            ["code_verifier"] = verifier,
            ["redirect_uri"] = redirectUri,
        }));

    public async Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        await Http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = ClientId,
            ["refresh_token"] = refreshToken,
        }));

    public static async Task<(string AccessToken, string? RefreshToken)> TokensOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var json = JsonDocument.Parse(body).RootElement;
        return (json.GetProperty("access_token").GetString()!,
            json.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null);
    }

    /// <summary>The whole first sign-in, code exchange included.</summary>
    public async Task<(string AccessToken, string? RefreshToken, TotpDevice Device)> FirstSignInAsync(string userName, string activationCode, string password)
    {
        var (verifier, challenge) = NewPkce();
        var (_, callback, device) = await ActivateAsync(AuthorizeUrl(challenge), userName, activationCode, password);
        using var exchanged = await ExchangeAsync(CodeOf(callback), verifier);
        var (access, refresh) = await TokensOfAsync(exchanged);
        return (access, refresh, device);
    }

    public static JsonElement Payload(string jwt) =>
        JsonDocument.Parse(Convert.FromBase64String(Pad(jwt.Split('.')[1].Replace('-', '+').Replace('_', '/')))).RootElement;

    public static HttpClient WithToken(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string Pad(string base64) => base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("""<form method="post" action="([^"]+)">""")]
    private static partial Regex FormAction();
    [GeneratedRegex("""name="__RequestVerificationToken" value="([^"]+)">""")]
    private static partial Regex AntiforgeryField();
    [GeneratedRegex("""name="returnUrl" value="([^"]*)">""")]
    private static partial Regex ReturnUrlField();
    [GeneratedRegex("""<code id="totp-secret">([A-Z2-7 ]+)</code>""")]
    private static partial Regex TotpSecret();
}

/// <summary>
/// The person's authenticator app: a fresh code for a 30-second step not used before (identity
/// refuses a spent step), waiting for the clock when the next usable step is still ahead.
/// </summary>
public sealed class TotpDevice(string secret, long usedStep = 0)
{
    private readonly Totp _totp = new(Base32Encoding.ToBytes(secret));
    public long UsedStep { get; private set; } = usedStep;

    public static long CurrentStep() => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;

    public async Task<string> NextCodeAsync()
    {
        // The server accepts one step either side; the current or the next, never the previous one,
        // which could fall out of the window while the request travels.
        var step = Math.Max(UsedStep + 1, CurrentStep());
        while (step > CurrentStep() + 1)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        UsedStep = step;
        return CodeAt(step);
    }

    public string CodeAt(long step) => _totp.ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
}
