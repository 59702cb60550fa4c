using Microsoft.Playwright;

namespace Moatown.EndToEndTests.Browser;

/// <summary>The web client at the gateway's "/": Korean first, the display switches, accessible.</summary>
[Collection(SystemCollection.Name)]
public sealed class StartPageTests(SystemUnderTest system, WebBrowser browser)
{
    [Fact]
    public async Task The_start_page_is_Korean_first_switches_language_and_text_size_and_passes_axe()
    {
        await using var person = await browser.NewPersonAsync(system.Gateway.BaseAddress!);
        var page = await person.NewPageAsync();

        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);
        Assert.Equal("ko", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("모아타운 전자동의", await page.Locator("h1").InnerTextAsync());
        // Served by the web client through the gateway: its own policy, every asset from itself.
        Assert.Contains("script-src 'self'", response.Headers["content-security-policy"], StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screens.SaveAsync(page, "start-page");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Moatown e-consent", await page.Locator("h1").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Large text" }).ClickAsync();
        Assert.Contains("large-text", await page.GetAttributeAsync("body", "class") ?? "", StringComparison.Ordinal);
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Normal text" }).IsVisibleAsync(), "the switch offers the way back");

        // The page fits a 320 px phone: nothing scrolls sideways.
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.False(overflow, "the start page scrolls sideways at 320 px");
    }

    [Fact]
    public async Task An_unknown_address_is_a_page_that_says_where_to_go_next()
    {
        await using var person = await browser.NewPersonAsync(system.Gateway.BaseAddress!);
        var page = await person.NewPageAsync();

        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        Assert.Equal("페이지를 찾을 수 없습니다", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "처음 화면으로" }).IsVisibleAsync());
    }
}
