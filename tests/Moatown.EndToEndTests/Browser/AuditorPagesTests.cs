using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Moatown.EndToEndTests.Browser;

/// <summary>The auditor reads every service's audit trail with its verification, and the inspection report.</summary>
[Collection(SystemCollection.Name)]
public sealed class AuditorPagesTests(SystemUnderTest system, WebBrowser browser)
{
    [Fact]
    public async Task The_auditor_sees_each_trail_verified_and_the_inspection_report_and_downloads_its_pdf()
    {
        await using var auditor = await browser.NewPersonAsync(system.Gateway.BaseAddress!, WebBrowser.Desktop);
        var page = await auditor.NewPageAsync();
        await StaffSignInSteps.SignInAsync(page, "auditor");

        await page.GetByRole(AriaRole.Link, new() { Name = "감사 기록" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("감사 기록");
        var verdicts = page.Locator("#audit-verification tbody tr");
        await Expect(verdicts).ToHaveCountAsync(5);
        for (var i = 0; i < 5; i++)
        {
            await Expect(verdicts.Nth(i).Locator("td").First).ToHaveTextAsync("온전함");
        }
        // Identity's trail comes first, its latest page holding the auditor's own sign-in.
        await Expect(page.Locator("#audit-records")).ToContainTextAsync("staff.sign-in");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screens.SaveAsync(page, "staff-audit");

        await page.Locator(".service-tabs").GetByRole(AriaRole.Link, new() { Name = "캠페인·명부·집계" }).ClickAsync();
        await Expect(page.Locator(".service-tabs a[aria-current=page]")).ToHaveTextAsync("캠페인·명부·집계");
        await Expect(page.Locator("#audit-records, main p:has-text('기록이 없습니다')").First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "점검 보고서" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("점검 보고서");
        // A local run archives no WAL: the report says so, and warnings come before the figures.
        await Expect(page.Locator("#inspection-warnings")).ToContainTextAsync("archiv");
        var headings = await page.Locator("main h2").AllInnerTextsAsync();
        Assert.Equal("경고", headings[0]);
        await Expect(page.Locator("#inspection-services tbody tr")).ToHaveCountAsync(5);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screens.SaveAsync(page, "staff-inspection");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "PDF로 내려받기" }).ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organizer_may_not_read_the_audit_trail_or_the_inspection_report()
    {
        await using var organizer = await browser.NewPersonAsync(system.Gateway.BaseAddress!, WebBrowser.Desktop);
        var page = await organizer.NewPageAsync();
        await StaffSignInSteps.SignInAsync(page, "organizer");
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "감사 기록" }).CountAsync());

        await page.GotoAsync("/staff/audit");
        Assert.Equal("/staff/denied", new Uri(page.Url).AbsolutePath);
        var pdf = await page.GotoAsync("/staff/inspection/report.pdf");
        Assert.Equal("/staff/denied", new Uri(page.Url).AbsolutePath);
        Assert.NotEqual("application/pdf", pdf!.Headers.GetValueOrDefault("content-type"));
    }
}
