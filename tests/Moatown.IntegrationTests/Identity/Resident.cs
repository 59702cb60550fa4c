using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Moatown.IntegrationTests.Identity;

/// <summary>
/// A resident's browser on the provider's page: opens the authorization address, fills in the form it finds
/// there (its hidden fields included, as a browser sends them) and presses a button. Redirects are not
/// followed, so the test sees where the provider sends the resident.
/// </summary>
public sealed partial class Resident : IDisposable
{
    private readonly HttpClient _browser = new(new HttpClientHandler { AllowAutoRedirect = false });

    public Task<HttpResponseMessage> OpenAsync(Uri authorizationUri) => _browser.GetAsync(authorizationUri);

    /// <summary>Fills in the page and presses 인증 (or 취소); the provider's answer, usually a redirect.</summary>
    public async Task<HttpResponseMessage> ConfirmAsync(Uri authorizationUri, string name, string birthDate,
        string action = "confirm", string phone = "010-2718-2818")
    {
        using var page = await OpenAsync(authorizationUri);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var fields = HiddenField().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        Assert.Equal(["client_id", "nonce", "redirect_uri", "state"], fields.Keys.Order());
        fields["name"] = name;
        fields["birthdate"] = birthDate;
        fields["carrier"] = "kt";
        fields["phone"] = phone;
        fields["action"] = action;
        var formAction = new Uri(authorizationUri, FormAction().Match(html).Groups[1].Value);
        return await _browser.PostAsync(formAction, new FormUrlEncodedContent(fields));
    }

    /// <summary>Verifies and returns the code and state of the redirect back to the client.</summary>
    public async Task<(string Code, string State)> VerifyAsync(Uri authorizationUri, string name, string birthDate)
    {
        using var answer = await ConfirmAsync(authorizationUri, name, birthDate);
        var callback = BackTo(answer, SimulatedProviderHost.RedirectUri);
        return (callback["code"], callback["state"]);
    }

    /// <summary>The query of a 302 to <paramref name="redirectUri"/>; fails when the answer is anything else.</summary>
    public static Dictionary<string, string> BackTo(HttpResponseMessage answer, Uri redirectUri)
    {
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var location = answer.Headers.Location!;
        Assert.Equal(redirectUri.GetLeftPart(UriPartial.Path), location.GetLeftPart(UriPartial.Path));
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public void Dispose() => _browser.Dispose();

    [GeneratedRegex("""<input type="hidden" name="([a-z_]+)" value="([^"]*)">""")]
    private static partial Regex HiddenField();

    [GeneratedRegex("""<form method="post" action="([^"]+)">""")]
    private static partial Regex FormAction();
}
