using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Moatown.EndToEndTests.Browser;

/// <summary>
/// A development staff member's own API token, got as the web client gets it (code + PKCE through
/// identity's pages, outside the browser): for setting up what only they may do, such as an organizer's
/// own campaign, before a browser test watches it.
/// </summary>
public static partial class StaffApiTokens
{
    public static async Task<HttpClient> ClientAsync(SystemUnderTest system, string userName, string scopes = "campaigns")
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler, disposeHandler: false) { BaseAddress = system.Gateway.BaseAddress };
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var redirectUri = new Uri(system.Gateway.BaseAddress!, "/signin-callback").ToString();
        var authorize = $"/connect/authorize?client_id=moatown-web&response_type=code&scope={Uri.EscapeDataString(scopes)}"
            + $"&redirect_uri={Uri.EscapeDataString(redirectUri)}&state=e2e&code_challenge={challenge}&code_challenge_method=S256";

        var signIn = await IdentityPageForms.RedirectAsync(browser, authorize);
        var codePage = await IdentityPageForms.PostAsync(browser, signIn, new() { ["userName"] = userName, ["password"] = SystemUnderTest.DevStaffPassword });
        var back = await IdentityPageForms.PostAsync(browser, codePage, new() { ["code"] = await StaffSignInSteps.NextCodeAsync(userName) });
        var callback = new Uri(await IdentityPageForms.RedirectAsync(browser, back));
        var code = Uri.UnescapeDataString(CodeParameter().Match(callback.Query).Groups[1].Value);

        using var tokens = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "moatown-web", ["code"] = code,
            ["code_verifier"] = verifier, ["redirect_uri"] = redirectUri,
        }));
        var body = await tokens.Content.ReadAsStringAsync();
        Assert.True(tokens.StatusCode == HttpStatusCode.OK, body);
        var api = new HttpClient { BaseAddress = system.Gateway.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString());
        return api;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("code=([^&]+)")]
    private static partial Regex CodeParameter();
}
