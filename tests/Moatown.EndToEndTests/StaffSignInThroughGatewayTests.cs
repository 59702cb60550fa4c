using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OtpNet;

namespace Moatown.EndToEndTests;

/// <summary>
/// A development officer signs in the way the web client will send them: the gateway's
/// /connect/authorize, identity's pages through the gateway, code + PKCE, then the API.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed partial class StaffSignInThroughGatewayTests(SystemUnderTest system)
{
    [Fact]
    public async Task The_development_officer_signs_in_through_the_gateway_and_calls_the_api()
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = system.Gateway.BaseAddress,
        };
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        // The web client's callback at the gateway's address (the AppHost registers it with identity).
        var redirectUri = new Uri(system.Gateway.BaseAddress!, "/signin-callback").ToString();
        var authorize = "/connect/authorize?client_id=moatown-web&response_type=code&scope=identity%20campaigns%20offline_access"
            + $"&redirect_uri={Uri.EscapeDataString(redirectUri)}&state=s1&code_challenge={challenge}&code_challenge_method=S256";

        var signIn = await RedirectAsync(browser, authorize);
        Assert.StartsWith("/account/sign-in", signIn, StringComparison.Ordinal);
        var codePage = await PostAsync(browser, signIn, new() { ["userName"] = "officer", ["password"] = SystemUnderTest.DevStaffPassword });
        Assert.StartsWith("/account/code", codePage, StringComparison.Ordinal);
        var code = new Totp(Base32Encoding.ToBytes(SystemUnderTest.DevStaffTotpSecret)).ComputeTotp(DateTime.UtcNow);
        var back = await PostAsync(browser, codePage, new() { ["code"] = code });
        var callback = new Uri(await RedirectAsync(browser, back));
        Assert.Equal(redirectUri, callback.GetLeftPart(UriPartial.Path));
        var authorizationCode = Regex.Match(callback.Query, "code=([^&]+)").Groups[1].Value;

        using var tokens = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "moatown-web", ["code"] = Uri.UnescapeDataString(authorizationCode),
            ["code_verifier"] = verifier, ["redirect_uri"] = redirectUri,
        }));
        var body = await tokens.Content.ReadAsStringAsync();
        Assert.True(tokens.StatusCode == HttpStatusCode.OK, body);
        var accessToken = JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString();

        using var api = new HttpClient { BaseAddress = system.Gateway.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/identity/accounts/me");
        Assert.Equal("officer", me.GetProperty("userName").GetString());
        Assert.Equal("중랑구", me.GetProperty("district").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/campaigns")).StatusCode);
    }

    private static async Task<string> RedirectAsync(HttpClient browser, string url)
    {
        using var response = await browser.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Opens the page, posts its form with the antiforgery field; answers where it redirects.</summary>
    private static async Task<string> PostAsync(HttpClient browser, string pageUrl, Dictionary<string, string> fields)
    {
        using var page = await browser.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        // The page's own policy, not the gateway's API one (which forbids every form).
        Assert.Contains("form-action 'self'", string.Join(' ', page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(Antiforgery().Match(html).Groups[1].Value);
        fields["returnUrl"] = WebUtility.HtmlDecode(ReturnUrl().Match(html).Groups[1].Value);
        var action = WebUtility.HtmlDecode(Action().Match(html).Groups[1].Value);
        using var response = await browser.PostAsync(action, new FormUrlEncodedContent(fields));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!.OriginalString;
    }

    [GeneratedRegex("""name="__RequestVerificationToken" value="([^"]+)">""")]
    private static partial Regex Antiforgery();
    [GeneratedRegex("""name="returnUrl" value="([^"]*)">""")]
    private static partial Regex ReturnUrl();
    [GeneratedRegex("""<form method="post" action="([^"]+)">""")]
    private static partial Regex Action();
}
