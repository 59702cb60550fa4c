using System.Net;
using System.Text.RegularExpressions;

namespace Moatown.EndToEndTests;

/// <summary>
/// Identity's sign-in pages driven over plain HTTP (no browser): follow one redirect, or open a page
/// and post its form with the antiforgery field, as a browser would.
/// </summary>
public static partial class IdentityPageForms
{
    public static async Task<string> RedirectAsync(HttpClient browser, string url)
    {
        using var response = await browser.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Opens the page, posts its form with the antiforgery field; answers where it redirects.</summary>
    public static async Task<string> PostAsync(HttpClient browser, string pageUrl, Dictionary<string, string> fields)
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
