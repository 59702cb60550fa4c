using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Moatown.EndToEndTests.Browser;

/// <summary>
/// The staff dashboard's campaign pages, used as an organizer and a district officer use them:
/// create, upload the roll, open, invite, enter a paper consent; the roll's errors by line; and
/// another district's campaign kept out of sight.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed partial class StaffCampaignTests(SystemUnderTest system, WebBrowser browser)
{
    private static string SamplePath => Path.Combine(AppContext.BaseDirectory, "Samples", "registry-sample.csv");

    [Fact]
    public async Task An_organizer_creates_a_campaign_uploads_the_roll_opens_it_invites_and_enters_a_paper_consent()
    {
        await using var person = await browser.NewPersonAsync(system.Gateway.BaseAddress!, WebBrowser.Desktop);
        var page = await person.NewPageAsync();
        await StaffSignInSteps.SignInAsync(page, "organizer");

        // A form sent with mistakes keeps nothing and says, at each field, what to do.
        await page.GetByRole(AriaRole.Link, new() { Name = "새 캠페인" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/staff/campaigns/new");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("소유자 수 기준 (%)").FillAsync("150");
        await page.GetByRole(AriaRole.Button, new() { Name = "캠페인 만들기" }).ClickAsync();
        await Expect(page.Locator("#field-name-error")).ToContainTextAsync("캠페인 이름을 1자 이상 200자 이하로 입력해 주세요");
        await Expect(page.Locator("#field-district-error")).ToContainTextAsync("구를 골라 주세요");
        await Expect(page.Locator("#field-counting-ownerThreshold-error")).ToContainTextAsync("100 이하인 숫자");
        Assert.Equal("true", await page.GetByLabel("캠페인 이름").GetAttributeAsync("aria-invalid"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var name = $"중화동 모아타운 {Guid.NewGuid().ToString("n")[..6]}";
        var id = await CreateCampaignAsync(page, name, "중랑구");
        await Expect(page.Locator(".notice.success")).ToContainTextAsync("캠페인을 만들었습니다");
        Assert.Contains("준비 중", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The roll: counts on success.
        await page.Locator(".campaign-nav").GetByRole(AriaRole.Link, new() { Name = "소유자 명부" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/staff/campaigns/{id}/roll");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("명부 파일 (CSV, UTF-8)").SetInputFilesAsync(SamplePath);
        await page.GetByRole(AriaRole.Button, new() { Name = "명부 올리기" }).ClickAsync();
        await Expect(page.Locator("#roll-imported")).ToContainTextAsync("명부를 올렸습니다");
        Assert.Equal("14", (await page.Locator("#roll-imported dl dd").Nth(2).InnerTextAsync()).Trim());

        // The owners, masked: no name of the roll in full.
        await page.Locator(".campaign-nav").GetByRole(AriaRole.Link, new() { Name = "소유자" , Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/staff/campaigns/{id}/owners");
        var owners = page.Locator("table.owners tbody tr");
        await Expect(owners).ToHaveCountAsync(14);
        var table = await page.Locator("table.owners").InnerTextAsync();
        Assert.Contains("김*준", table, StringComparison.Ordinal);
        Assert.Contains("1980-**-**", table, StringComparison.Ordinal);
        Assert.DoesNotContain("김민준", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("1980-01-01", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Contains("초대 전", table, StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Open, after a confirmation.
        await page.Locator(".campaign-nav").GetByRole(AriaRole.Link, new() { Name = "개요" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/staff/campaigns/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "캠페인 열기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "캠페인을 열까요?" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "예, 캠페인을 엽니다" }).ClickAsync();
        await Expect(page.Locator(".notice.success")).ToContainTextAsync("캠페인을 열었습니다");
        Assert.Contains("진행 중", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await Expect(page.Locator("#tally-heading + dl")).ToContainTextAsync("0 / ");
        await Screens.SaveAsync(page, "staff-campaign");

        // The poster, through the web client with the organizer's token.
        var poster = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "QR 안내문 내려받기 (PDF)" }).ClickAsync());
        Assert.EndsWith(".pdf", poster.SuggestedFilename, StringComparison.Ordinal);
        var pdf = await File.ReadAllBytesAsync(await poster.PathAsync());
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);

        // Invitations to everyone not yet invited.
        await page.Locator(".campaign-nav").GetByRole(AriaRole.Link, new() { Name = "소유자", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "아직 초대하지 않은 소유자에게 초대 보내기" }).ClickAsync();
        await Expect(page.Locator("#invitation-outcome")).ToContainTextAsync(InvitationsSent());
        await Expect(page.Locator("table.owners")).ToContainTextAsync("초대함");
        await Screens.SaveAsync(page, "staff-owners");

        // A paper consent for one owner: their standing changes at once.
        await page.GetByRole(AriaRole.Link, new() { Name = "김*준" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith($"/staff/campaigns/{id}/owners/", StringComparison.Ordinal));
        await Expect(page.Locator("#holder-consent")).ToHaveTextAsync("없음");
        await Expect(page.Locator("#holder-progress")).ToHaveTextAsync("초대함");
        await Expect(page.Locator(".owner-explanation").First).ToContainTextAsync("동의 아님");
        await page.GetByLabel("서면 번호 (스캔 파일 또는 접수 번호)").FillAsync("PAPER-0001");
        await page.GetByRole(AriaRole.Button, new() { Name = "입력", Exact = true }).ClickAsync();
        await Expect(page.Locator("#owner-outcome")).ToContainTextAsync("서면 동의를 기록했습니다");
        await Expect(page.Locator("#holder-consent")).ToContainTextAsync("동의 (서면)");
        await Expect(page.Locator(".owner-explanation").First).ToContainTextAsync("동의로 셈");
        await Expect(page.Locator("table.ledger")).ToContainTextAsync("PAPER-0001");
        // The invitation went out as a text (through the broker, so a moment later); its delivery shows with a masked number.
        await ReloadUntilAsync(page, page.Locator("table.messages", new() { HasText = "010-****-0001" }));
        Assert.DoesNotContain("김민준", await page.ContentAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screens.SaveAsync(page, "staff-owner-explanation");

        await page.GetByRole(AriaRole.Link, new() { Name = "‹ 소유자 목록" }).ClickAsync();
        await Expect(page.Locator("table.owners tbody tr", new() { HasText = "김*준" })).ToContainTextAsync("동의 (서면)");

        // The campaign list shows it with its district and status.
        await page.GotoAsync("/staff");
        var row = page.Locator("table.campaigns tbody tr", new() { HasText = name });
        await Expect(row).ToContainTextAsync("중랑구");
        await Expect(row).ToContainTextAsync("진행 중");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screens.SaveAsync(page, "staff-campaigns");
    }

    [Fact]
    public async Task A_roll_with_errors_is_refused_and_each_error_is_shown_with_its_line()
    {
        await using var person = await browser.NewPersonAsync(system.Gateway.BaseAddress!, WebBrowser.Desktop);
        var page = await person.NewPageAsync();
        await StaffSignInSteps.SignInAsync(page, "organizer");
        var id = await CreateCampaignAsync(page, $"오류 명부 {Guid.NewGuid().ToString("n")[..6]}", "중랑구");
        var csv = Path.Combine(Path.GetTempPath(), $"bad-roll-{Guid.NewGuid():n}.csv");
        await File.WriteAllTextAsync(csv, string.Join('\n',
            "property_id,property_kind,lot_number,land_area_m2,owner_id,owner_name,birth_date,phone,share,representative,owner_type,managing_authority,status,address",
            "L-1,land,중화동 1-1,300,,김민준,1980-01-01,010-0000-0001,1,,person,,,",
            "L-2,land,중화동 1-2,,,이서연,1975-05-05,010-0000-0002,1,,person,,,",
            "L-3,land,중화동 1-3,250,,박지훈,1990-13-45,010-0000-0003,1,,person,,,",
            "L-4,land,중화동 1-4,100,,최유나,1985-02-02,010-0000-0004,1,,alien,,,") + "\n");

        await page.GotoAsync($"/staff/campaigns/{id}/roll");
        await page.GetByLabel("명부 파일 (CSV, UTF-8)").SetInputFilesAsync(csv);
        await page.GetByRole(AriaRole.Button, new() { Name = "명부 올리기" }).ClickAsync();

        await Expect(page.Locator("#roll-errors")).ToContainTextAsync("아무것도 반영하지 않았습니다");
        var rows = page.Locator("table.roll-lines tbody tr");
        foreach (var (line, column) in new[] { ("3", "land_area_m2"), ("4", "birth_date"), ("5", "owner_type") })
        {
            var atLine = rows.Filter(new() { Has = page.Locator("td.line-number", new() { HasTextRegex = new Regex($"^{line}$") }) });
            Assert.True(await atLine.Filter(new() { HasText = column }).CountAsync() >= 1, $"no error shown at line {line}, column {column}");
        }
        await Expect(rows.Filter(new() { Has = page.Locator("td.line-number", new() { HasTextRegex = new Regex("^2$") }) })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screens.SaveAsync(page, "staff-roll-errors");

        // Nothing was imported: the campaign still has no roll.
        await page.GotoAsync($"/staff/campaigns/{id}");
        await Expect(page.Locator("#next-steps + ol li").First).ToContainTextAsync("아직 없음");
        File.Delete(csv);
    }

    [Fact]
    public async Task A_district_officer_does_not_see_another_districts_campaign()
    {
        await using var organizer = await browser.NewPersonAsync(system.Gateway.BaseAddress!, WebBrowser.Desktop);
        var organizerPage = await organizer.NewPageAsync();
        await StaffSignInSteps.SignInAsync(organizerPage, "organizer");
        var name = $"상도동 모아타운 {Guid.NewGuid().ToString("n")[..6]}";
        var id = await CreateCampaignAsync(organizerPage, name, "동작구");
        await organizerPage.GotoAsync($"/staff/campaigns/{id}/roll");
        await organizerPage.GetByLabel("명부 파일 (CSV, UTF-8)").SetInputFilesAsync(SamplePath);
        await organizerPage.GetByRole(AriaRole.Button, new() { Name = "명부 올리기" }).ClickAsync();
        await Expect(organizerPage.Locator("#roll-imported")).ToBeVisibleAsync();

        // The officer of 중랑구.
        await using var officer = await browser.NewPersonAsync(system.Gateway.BaseAddress!, WebBrowser.Desktop);
        var page = await officer.NewPageAsync();
        await StaffSignInSteps.SignInAsync(page, "officer");
        Assert.DoesNotContain(name, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "새 캠페인" }).CountAsync());

        foreach (var path in new[] { $"/staff/campaigns/{id}", $"/staff/campaigns/{id}/owners", $"/staff/campaigns/{id}/owners/{Guid.NewGuid()}" })
        {
            await page.GotoAsync(path);
            Assert.Equal("캠페인을 찾을 수 없습니다", await page.Locator("h1").InnerTextAsync());
            var content = await page.ContentAsync();
            Assert.DoesNotContain(name, content, StringComparison.Ordinal);
            Assert.DoesNotContain("*", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        }
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Nor its files: the package and the poster send them back with a message, no bytes.
        var package = await page.GotoAsync($"/staff/campaigns/{id}/package.zip");
        Assert.DoesNotContain("application/zip", package!.Headers.GetValueOrDefault("content-type") ?? "", StringComparison.Ordinal);
        Assert.Equal("캠페인을 찾을 수 없습니다", await page.Locator("h1").InnerTextAsync());

        // The roll page is the organizer's: an officer is told it is another role's.
        await page.GotoAsync($"/staff/campaigns/{id}/roll");
        Assert.StartsWith("/staff/denied", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    /// <summary>Fills the new-campaign form completely (so it can open) and returns the new campaign's id.</summary>
    private static async Task<Guid> CreateCampaignAsync(IPage page, string name, string district)
    {
        await page.GotoAsync("/staff/campaigns/new");
        await page.GetByLabel("캠페인 이름").FillAsync(name);
        await page.GetByLabel("구", new() { Exact = true }).SelectOptionAsync(district);
        await page.GetByLabel("구역 이름").FillAsync(name);
        await page.GetByLabel("소유자 수 기준 (%)").FillAsync("60");
        await page.GetByLabel("토지 면적 기준 (%)").FillAsync("50");
        await page.GetByLabel("제목").FillAsync($"{name} 동의서");
        await page.GetByLabel("본문").FillAsync("모아타운 관리계획 수립에 동의합니다.");
        await page.GetByLabel("법정 동의 항목 (한 줄에 하나씩)").FillAsync("관리계획 수립에 동의합니다.\n개인정보 수집·이용에 동의합니다.");
        await page.GetByRole(AriaRole.Button, new() { Name = "캠페인 만들기" }).ClickAsync();
        await page.WaitForURLAsync(url => CampaignPath().IsMatch(new Uri(url).AbsolutePath));
        return Guid.Parse(CampaignPath().Match(new Uri(page.Url).AbsolutePath).Groups[1].Value);
    }

    private static async Task ReloadUntilAsync(IPage page, ILocator locator)
    {
        for (var attempt = 0; attempt < 30 && await locator.CountAsync() == 0; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            await page.ReloadAsync();
        }
        await Expect(locator).ToBeVisibleAsync();
    }

    private static Regex InvitationsSent() => new("초대 \\d+건을 보냈습니다");

    [GeneratedRegex("^/staff/campaigns/([0-9a-f-]{36})$")]
    private static partial Regex CampaignPath();

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
