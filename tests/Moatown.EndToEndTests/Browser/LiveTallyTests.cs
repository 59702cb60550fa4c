using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Moatown.EndToEndTests.Browser;

/// <summary>
/// The organizer's live tally: open in one browser while residents sign elsewhere, the numbers and the
/// chart move without a reload.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class LiveTallyTests(SystemUnderTest system, WebBrowser browser)
{
    private static readonly TimeSpan SealAndCount = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_organizers_tally_moves_live_while_residents_sign_elsewhere()
    {
        using var organizer = await StaffApiTokens.ClientAsync(system, "organizer");
        using var notifications = await system.AuthorizedGatewayAsync("notifications");
        var (campaignId, holders) = await GatewayResidents.OpenSampleCampaignAsync(organizer, "망우동 모아타운 (실시간)");

        await using var staff = await browser.NewPersonAsync(system.Gateway.BaseAddress!, WebBrowser.Desktop);
        var page = await staff.NewPageAsync();
        await StaffSignInSteps.SignInAsync(page, "organizer", $"/staff/campaigns/{campaignId}/tally");
        await Expect(page.Locator("h1")).ToContainTextAsync("망우동 모아타운 (실시간)");
        // Rendered on the server first, then live in the circuit.
        await Expect(page.Locator("#owners-rate")).ToHaveTextAsync("0.0%");
        await Expect(page.Locator("#tally-connection.live")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var chartBefore = await page.Locator("path.series.owners").GetAttributeAsync("d");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var navigations = 0;
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) navigations++; };
        await page.EvaluateAsync("() => { window.moatownSamePage = true; }");

        await ResidentsSignElsewhereAsync(organizer, notifications, campaignId, [holders["김*준"], holders["임*아"]]);

        // 김민준 is one owner of nine (rule 4), 임수아 another: 2 of 9.
        await Expect(page.Locator("#owners-rate")).ToHaveTextAsync("22.2%", new() { Timeout = (float)SealAndCount.TotalMilliseconds });
        await Expect(page.Locator("#tally-summary")).ToContainTextAsync("9명 중 2명 동의");
        Assert.NotEqual("0.0%", await page.Locator("#land-rate").InnerTextAsync());
        Assert.NotEqual(chartBefore, await page.Locator("path.series.owners").GetAttributeAsync("d"));
        Assert.True(await page.Locator("table.tally-table tbody tr").CountAsync() >= 2, "the changes table lists the new rates");
        Assert.Equal(0, navigations);
        Assert.True(await page.EvaluateAsync<bool>("() => window.moatownSamePage === true"), "the page was not reloaded");

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screens.SaveAsync(page, "staff-live-tally");
    }

    [Fact]
    public async Task Another_organizers_campaign_is_not_found_and_an_auditor_may_not_open_a_tally()
    {
        using var campaigns = await system.AuthorizedGatewayAsync("campaigns");
        var (campaignId, _) = await GatewayResidents.OpenSampleCampaignAsync(campaigns, "상봉동 모아타운 (남의 캠페인)");

        await using var staff = await browser.NewPersonAsync(system.Gateway.BaseAddress!, WebBrowser.Desktop);
        var page = await staff.NewPageAsync();
        await StaffSignInSteps.SignInAsync(page, "organizer", $"/staff/campaigns/{campaignId}/tally");
        await Expect(page.Locator("main .notice.error")).ToContainTextAsync("캠페인 목록에서 다시 골라 주세요");
        Assert.Equal(0, await page.Locator("#owners-rate").CountAsync());

        await using var auditor = await browser.NewPersonAsync(system.Gateway.BaseAddress!, WebBrowser.Desktop);
        var auditorPage = await auditor.NewPageAsync();
        await StaffSignInSteps.SignInAsync(auditorPage, "auditor");
        await auditorPage.GotoAsync($"/staff/campaigns/{campaignId}/tally");
        Assert.Equal("/staff/denied", new Uri(auditorPage.Url).AbsolutePath);
    }

    /// <summary>Residents sign on their own phones, in browser contexts of their own, through the resident pages.</summary>
    private async Task ResidentsSignElsewhereAsync(HttpClient organizer, HttpClient notifications, Guid campaignId, IReadOnlyList<Guid> holderIds)
    {
        for (var i = 0; i < holderIds.Count; i++)
        {
            await ResidentBrowserSteps.SignAsync(browser, system, organizer, notifications, campaignId, holderIds[i], $"203.0.113.{30 + i}");
        }
    }
}
