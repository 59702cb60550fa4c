using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Moatown.EndToEndTests.Browser;

/// <summary>
/// A resident signs on their own phone, in a browser context of their own, through the web client's
/// pages: for tests that watch what a signature does elsewhere (the live tally). The pages themselves
/// are tested in <see cref="ResidentFlowTests"/>.
/// </summary>
public static class ResidentBrowserSteps
{
    /// <summary>Invited by text, link opened, code typed, items agreed, signature drawn, submitted: answers the receipt page's address.</summary>
    public static async Task<string> SignAsync(
        WebBrowser browser, SystemUnderTest system, HttpClient campaigns, HttpClient notifications, Guid campaignId, Guid holderId, string address)
    {
        (await campaigns.PostAsJsonAsync($"/api/campaigns/{campaignId}/invitations", new { holderIds = new[] { holderId } })).EnsureSuccessStatusCode();
        var invitation = await GatewayResidents.ReadTextAsync(notifications, campaignId, holderId, "invitation.v1");

        await using var phone = await browser.NewPersonAsync(system.Gateway.BaseAddress!, WebBrowser.Phone);
        phone.SetDefaultTimeout(60_000);
        // Each resident from their own address, as from their own phone (identity throttles per address).
        await phone.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Forwarded-For"] = address });
        var page = await phone.NewPageAsync();

        await page.GotoAsync($"/i/{GatewayResidents.LinkPattern().Match(invitation).Groups[1].Value}");
        await page.GetByRole(AriaRole.Button, new() { Name = "인증번호 받기" }).ClickAsync();
        await page.WaitForURLAsync("**/resident/code");
        var text = await GatewayResidents.ReadTextAsync(notifications, campaignId, holderId, "verification-code.v2");
        await page.GetByLabel("인증번호 (숫자 6자리)").FillAsync(GatewayResidents.CodePattern().Match(text).Groups[1].Value);
        await page.GetByRole(AriaRole.Button, new() { Name = "확인", Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**/resident/form");
        var items = page.Locator("input[name=item]");
        for (var i = 0; i < await items.CountAsync(); i++)
        {
            await items.Nth(i).CheckAsync();
        }
        var canvas = page.Locator("canvas.signature-canvas").First;
        await canvas.ScrollIntoViewIfNeededAsync();
        var box = (await canvas.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width * 0.1f, box.Y + box.Height * 0.7f);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * 0.4f, box.Y + box.Height * 0.3f, new() { Steps = 5 });
        await page.Mouse.MoveAsync(box.X + box.Width * 0.8f, box.Y + box.Height * 0.6f, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "동의하고 서명 제출" }).ClickAsync();
        await page.WaitForURLAsync("**/resident/receipt/**");
        return page.Url;
    }
}
