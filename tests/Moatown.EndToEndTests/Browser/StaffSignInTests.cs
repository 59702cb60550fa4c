using Microsoft.Playwright;

namespace Moatown.EndToEndTests.Browser;

/// <summary>Staff reach the dashboard only through identity's sign-in with two factors.</summary>
[Collection(SystemCollection.Name)]
public sealed class StaffSignInTests(SystemUnderTest system, WebBrowser browser)
{
    [Fact]
    public async Task The_dashboard_sends_staff_to_sign_in_with_two_factors_and_back_and_signs_them_out()
    {
        await using var person = await browser.NewPersonAsync(system.Gateway.BaseAddress!, WebBrowser.Desktop);
        var page = await person.NewPageAsync();

        await page.GotoAsync("/staff");
        Assert.StartsWith("/account/sign-in", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

        await StaffSignInSteps.SignInAsync(page, "auditor");
        Assert.Equal("/staff", new Uri(page.Url).AbsolutePath);
        Assert.Contains("auditor", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        // No token reaches the browser: the cookie only names a session the web client keeps.
        var cookies = await person.CookiesAsync();
        Assert.DoesNotContain(cookies, cookie => cookie.Value.StartsWith("eyJ", StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Button, new() { Name = "로그아웃" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/staff");
        Assert.StartsWith("/account/sign-in", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }
}
