using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

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

        var signIn = await IdentityPageForms.RedirectAsync(browser, authorize);
        Assert.StartsWith("/account/sign-in", signIn, StringComparison.Ordinal);
        var codePage = await IdentityPageForms.PostAsync(browser, signIn, new() { ["userName"] = "officer", ["password"] = SystemUnderTest.DevStaffPassword });
        Assert.StartsWith("/account/code", codePage, StringComparison.Ordinal);
        // Each authenticator step opens one sign-in per account; the shared steps wait for the next one when needed.
        var code = await Browser.StaffSignInSteps.NextCodeAsync("officer");
        var back = await IdentityPageForms.PostAsync(browser, codePage, new() { ["code"] = code });
        var callback = new Uri(await IdentityPageForms.RedirectAsync(browser, back));
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
}
