using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Playwright;

namespace Moatown.EndToEndTests.Browser;

/// <summary>
/// A resident in a real browser, through the gateway, with the whole system running: the personal
/// link from the text message, the code from the next one, the form, the signature, the receipt and
/// the sealed PDF; later the status and a withdrawal. On a 320 px touch phone, from the keyboard
/// alone, and with a wrong code. Each person comes from their own address (X-Forwarded-For, which the
/// gateway trusts from this machine), as residents on their own phones would.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ResidentFlowTests(SystemUnderTest system, WebBrowser browser)
{
    [Fact]
    public async Task An_owner_signs_on_a_touch_phone_gets_a_sealed_pdf_that_verifies_and_later_withdraws()
    {
        using var campaigns = await system.AuthorizedGatewayAsync("campaigns");
        using var notifications = await system.AuthorizedGatewayAsync("notifications");
        var (campaignId, holders) = await GatewayResidents.OpenSampleCampaignAsync(campaigns, "면목동 모아타운 (브라우저 서명)");
        var jihun = holders["박*훈"];
        var link = await InviteAsync(campaigns, notifications, campaignId, jihun);
        const string address = "203.0.113.7";
        await using var phone = await PersonAsync(address, touch: true);
        var page = await phone.NewPageAsync();

        // The personal link: a page that says what happens, then one tap sends the code.
        await page.GotoAsync(link);
        Assert.Equal("동의서 작성을 시작합니다", await page.Locator("h1").InnerTextAsync());
        await AssertFitsAndAccessibleAsync(page);
        await Screens.SaveAsync(page, "resident-link");
        await page.GetByRole(AriaRole.Button, new() { Name = "인증번호 받기" }).TapAsync();

        // The code page: where the code went, an input the phone fills from the text message.
        await page.WaitForURLAsync("**/resident/code");
        Assert.Contains("010-****-0003", await page.Locator(".masked-phone").InnerTextAsync());
        var codeInput = page.GetByLabel("인증번호 (숫자 6자리)");
        Assert.Equal("one-time-code", await codeInput.GetAttributeAsync("autocomplete"));
        Assert.Equal("numeric", await codeInput.GetAttributeAsync("inputmode"));
        Assert.Equal("[0-9]*", await codeInput.GetAttributeAsync("pattern"));
        await AssertFitsAndAccessibleAsync(page);
        var text = await GatewayResidents.ReadTextAsync(notifications, campaignId, jihun, "verification-code.v2");
        var code = GatewayResidents.CodePattern().Match(text).Groups[1].Value;
        // The text's last line binds the code to the gateway's host (origin-bound one-time code).
        Assert.Equal($"@{system.Gateway.BaseAddress!.Host} #{code}", text.Split('\n')[^1]);
        await codeInput.FillAsync(code);
        await Screens.SaveAsync(page, "resident-code");
        await page.GetByRole(AriaRole.Button, new() { Name = "확인", Exact = true }).TapAsync();

        // Nothing signed yet: straight to the form, readable on the phone, the PDF one tap away.
        await page.WaitForURLAsync("**/resident/form");
        Assert.Contains("관리계획 수립에 동의합니다", await page.Locator(".form-document").InnerTextAsync());
        var pdfLink = page.GetByRole(AriaRole.Link, new() { Name = "PDF 보기" });
        Assert.Equal("/resident/form.pdf", await pdfLink.GetAttributeAsync("href"));
        var formPdf = await page.APIRequest.GetAsync("/resident/form.pdf");
        Assert.Equal("application/pdf", formPdf.Headers["content-type"]);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await formPdf.BodyAsync())[..4]));
        await AssertFitsAndAccessibleAsync(page);
        await Screens.SaveAsync(page, "resident-form");

        // Agree item by item; draw with a finger (touch events) and with the mouse; undo, redo, clear.
        var items = page.Locator("input[name=item]");
        for (var i = 0; i < await items.CountAsync(); i++)
        {
            await items.Nth(i).TapAsync();
        }
        var canvas = page.Locator("canvas.signature-canvas").First;
        await canvas.ScrollIntoViewIfNeededAsync();
        await TouchStrokeAsync(page, canvas, [(0.1, 0.7), (0.25, 0.3), (0.4, 0.75), (0.55, 0.35)]);
        await AssertStrokesAsync(page, 1);
        await MouseStrokeAsync(page, canvas, [(0.6, 0.6), (0.75, 0.3), (0.9, 0.65)]);
        await AssertStrokesAsync(page, 2);
        await page.GetByRole(AriaRole.Button, new() { Name = "되돌리기" }).ClickAsync();
        await AssertStrokesAsync(page, 1);
        await page.GetByRole(AriaRole.Button, new() { Name = "다시 하기" }).ClickAsync();
        await AssertStrokesAsync(page, 2);
        await page.GetByRole(AriaRole.Button, new() { Name = "지우기" }).ClickAsync();
        await AssertStrokesAsync(page, 0);
        await page.GetByRole(AriaRole.Button, new() { Name = "되돌리기" }).ClickAsync();
        await AssertStrokesAsync(page, 2);
        await page.Locator("fieldset.signature").ScreenshotAsync(new() { Path = Path.Combine(Screens.Folder, "resident-signature.png") });
        // Clicked, not tapped: Chrome's touch emulation drops a tap that follows emulated strokes now and then
        // (a full run timed out waiting for the receipt with no request sent), which says nothing of the page.
        await page.GetByRole(AriaRole.Button, new() { Name = "동의하고 서명 제출" }).ClickAsync();

        // The receipt: number at once, the time-stamp and the sealed PDF once sealed (the page refreshes itself).
        await page.WaitForURLAsync("**/resident/receipt/**");
        var receiptNumber = await page.Locator(".receipt-number").InnerTextAsync();
        Assert.Matches("^MT-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$", receiptNumber);
        var download = page.GetByRole(AriaRole.Link, new() { Name = "봉인된 동의서 PDF 받기" });
        await download.WaitForAsync(new() { Timeout = 90_000 });
        Assert.Matches(@"\d{4}년 \d{1,2}월 \d{1,2}일 \d{2}:\d{2}:\d{2}", await page.Locator(".timestamp").InnerTextAsync());
        var qr = page.Locator(".verify-qr img");
        Assert.StartsWith("data:image/png;base64,", await qr.GetAttributeAsync("src"));
        var verifyHref = await page.GetByRole(AriaRole.Link, new() { Name = "진본 확인 페이지 열기" }).GetAttributeAsync("href");
        await AssertFitsAndAccessibleAsync(page);
        await Screens.SaveAsync(page, "resident-receipt");

        var saved = await page.RunAndWaitForDownloadAsync(() => download.TapAsync());
        var pdf = await File.ReadAllBytesAsync((await saved.PathAsync())!);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf[..4]));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        Assert.EndsWith($"/verify?sha256={sha256}", verifyHref);
        using var check = await system.Gateway.PostAsync("/api/documents/verify", new ByteArrayContent(pdf) { Headers = { ContentType = new("application/pdf") } });
        var verdict = await check.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(verdict.GetProperty("signatureValid").GetBoolean(), verdict.ToString());
        Assert.True(verdict.GetProperty("timestampValid").GetBoolean(), verdict.ToString());
        Assert.Equal("valid", verdict.GetProperty("consentStatus").GetString());
        // The visitor's own address reached the signing evidence: browser → gateway → web client → gateway → signing.
        Assert.Contains(address, await PdfTextAsync(pdf));

        // Later, on the same phone: the link again, a new code, the status, and a withdrawal.
        await using var later = await PersonAsync(address, touch: true);
        var again = await later.NewPageAsync();
        await again.GotoAsync(link);
        await again.GetByRole(AriaRole.Button, new() { Name = "인증번호 받기" }).TapAsync();
        await again.WaitForURLAsync("**/resident/code");
        await again.GetByLabel("인증번호 (숫자 6자리)").FillAsync(await NewCodeAsync(notifications, campaignId, jihun, code));
        await again.GetByRole(AriaRole.Button, new() { Name = "확인", Exact = true }).TapAsync();
        await again.WaitForURLAsync("**/resident");
        Assert.Contains("동의서에 서명하셨습니다", await again.Locator(".status-card").InnerTextAsync());
        Assert.Equal(receiptNumber, await again.Locator(".receipt-number").InnerTextAsync());
        await AssertFitsAndAccessibleAsync(again);

        await again.GetByRole(AriaRole.Link, new() { Name = "동의 철회하기" }).TapAsync();
        await again.WaitForURLAsync("**/resident/withdraw");
        await again.GetByLabel("위 동의서에 대한 동의를 철회합니다.").TapAsync();
        var withdrawalCanvas = again.Locator("canvas.signature-canvas").First;
        await withdrawalCanvas.ScrollIntoViewIfNeededAsync();
        await TouchStrokeAsync(again, withdrawalCanvas, [(0.15, 0.6), (0.35, 0.3), (0.6, 0.7), (0.85, 0.35)]);
        await AssertFitsAndAccessibleAsync(again);
        await Screens.SaveAsync(again, "resident-withdrawal");
        await again.GetByRole(AriaRole.Button, new() { Name = "철회서 제출" }).TapAsync();

        await again.WaitForURLAsync("**/resident/receipt/**");
        Assert.Equal("철회 접수증", await again.Locator("h1").InnerTextAsync());
        await again.GetByRole(AriaRole.Link, new() { Name = "봉인된 철회서 PDF 받기" }).WaitForAsync(new() { Timeout = 90_000 });
        await again.GetByRole(AriaRole.Link, new() { Name = "나의 동의 상태 보기" }).TapAsync();
        await again.WaitForURLAsync("**/resident");
        Assert.Contains("동의를 철회하셨습니다", await again.Locator(".status-card").InnerTextAsync());
    }

    [Fact]
    public async Task An_owner_completes_the_flow_from_the_keyboard_alone_with_a_typed_signature()
    {
        using var campaigns = await system.AuthorizedGatewayAsync("campaigns");
        using var notifications = await system.AuthorizedGatewayAsync("notifications");
        var (campaignId, holders) = await GatewayResidents.OpenSampleCampaignAsync(campaigns, "면목동 모아타운 (키보드)");
        var yujin = holders["최*진"];
        var link = await InviteAsync(campaigns, notifications, campaignId, yujin);
        await using var person = await PersonAsync("203.0.113.21", touch: false);
        var page = await person.NewPageAsync();

        await page.GotoAsync(link);
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "인증번호 받기" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/resident/code");
        var code = GatewayResidents.CodePattern().Match(await GatewayResidents.ReadTextAsync(notifications, campaignId, yujin, "verification-code.v2")).Groups[1].Value;
        await TabToAsync(page, page.GetByLabel("인증번호 (숫자 6자리)"));
        await page.Keyboard.TypeAsync(code);
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/resident/form");
        var items = page.Locator("input[name=item]");
        for (var i = 0; i < await items.CountAsync(); i++)
        {
            await TabToAsync(page, items.Nth(i));
            await page.Keyboard.PressAsync("Space");
            Assert.True(await items.Nth(i).IsCheckedAsync());
        }
        await TabToAsync(page, page.GetByLabel("이름을 입력해 서명하기"));
        await page.Keyboard.TypeAsync("최유진");
        var signature = await page.Locator("[data-signature-value]").InputValueAsync();
        Assert.StartsWith("{\"png\":\"iVBOR", signature);
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "동의하고 서명 제출" }));
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/resident/receipt/**");
        Assert.Matches("^MT-", await page.Locator(".receipt-number").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "봉인된 동의서 PDF 받기" }).WaitForAsync(new() { Timeout = 90_000 });
    }

    [Fact]
    public async Task The_entry_page_answers_neutrally_and_a_wrong_code_shows_the_attempts_left_and_what_to_do()
    {
        using var campaigns = await system.AuthorizedGatewayAsync("campaigns");
        using var notifications = await system.AuthorizedGatewayAsync("notifications");
        var (campaignId, holders) = await GatewayResidents.OpenSampleCampaignAsync(campaigns, "면목동 모아타운 (QR 입장)");
        await using var person = await PersonAsync("203.0.113.35", touch: true);
        var page = await person.NewPageAsync();

        // The poster's QR page: name, birth date and phone as on the roll.
        await page.GotoAsync($"/e/{campaignId}");
        Assert.Equal("본인확인", await page.Locator("h1").InnerTextAsync());
        await AssertFitsAndAccessibleAsync(page);
        await page.GetByLabel("이름", new() { Exact = true }).FillAsync("정하은");
        await page.GetByLabel("생년월일", new() { Exact = true }).FillAsync("1988-08-08");
        await page.GetByLabel("휴대전화 번호", new() { Exact = true }).FillAsync("010-0000-0005");
        await page.GetByRole(AriaRole.Button, new() { Name = "인증번호 받기" }).TapAsync();

        // The same neutral words whether or not the details matched: no number, no name.
        await page.WaitForURLAsync("**/resident/code");
        Assert.Contains("입력하신 정보가 소유자 명부와 일치하면", await page.Locator("main").InnerTextAsync());
        Assert.Equal(0, await page.Locator(".masked-phone").CountAsync());
        var code = GatewayResidents.CodePattern().Match(await GatewayResidents.ReadTextAsync(notifications, campaignId, holders["정*은"], "verification-code.v2")).Groups[1].Value;
        var wrong = code == "111111" ? "222222" : "111111";

        await page.GetByLabel("인증번호 (숫자 6자리)").FillAsync(wrong);
        await page.GetByRole(AriaRole.Button, new() { Name = "확인", Exact = true }).TapAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        Assert.Contains("4번 더 입력할 수 있습니다", await alert.InnerTextAsync());
        Assert.Contains("문자로 받은 6자리 숫자를 확인해 주세요", await alert.InnerTextAsync());
        Assert.Contains("4번 입력할 수 있습니다", await page.Locator("#attempts").InnerTextAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "인증번호 다시 받기" }).IsVisibleAsync(), "a way on: a new code");
        await AssertFitsAndAccessibleAsync(page);

        // In English the same refusal says the same thing.
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).TapAsync();
        await page.GetByLabel("Code (6 digits)").FillAsync(wrong);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).TapAsync();
        Assert.Contains("You can try 3 more times", await page.GetByRole(AriaRole.Alert).InnerTextAsync());

        // The right code still opens the form: the wrong ones only spent attempts.
        await page.GetByLabel("Code (6 digits)").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).TapAsync();
        await page.WaitForURLAsync("**/resident/form");
    }

    private async Task<IBrowserContext> PersonAsync(string address, bool touch)
    {
        var person = await browser.NewPersonAsync(system.Gateway.BaseAddress!, WebBrowser.Phone, touch);
        // A page here waits on several services (a code check, then the signing service): the first
        // calls after the system starts are slow on a busy machine.
        person.SetDefaultTimeout(60_000);
        person.SetDefaultNavigationTimeout(60_000);
        // This person's own address: the gateway trusts forwarded addresses from this machine, and
        // identity throttles per address (every context here is otherwise 127.0.0.1).
        await person.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Forwarded-For"] = address });
        return person;
    }

    /// <summary>Invites the holder and answers the personal link's path from the text message.</summary>
    private static async Task<string> InviteAsync(HttpClient campaigns, HttpClient notifications, Guid campaignId, Guid holderId)
    {
        (await campaigns.PostAsJsonAsync($"/api/campaigns/{campaignId}/invitations", new { holderIds = new[] { holderId } })).EnsureSuccessStatusCode();
        var invitation = await GatewayResidents.ReadTextAsync(notifications, campaignId, holderId, "invitation.v1");
        return $"/i/{GatewayResidents.LinkPattern().Match(invitation).Groups[1].Value}";
    }

    private static async Task<string> NewCodeAsync(HttpClient notifications, Guid campaignId, Guid holderId, string previous)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var code = GatewayResidents.CodePattern().Match(await GatewayResidents.ReadTextAsync(notifications, campaignId, holderId, "verification-code.v2")).Groups[1].Value;
            if (code != previous)
            {
                return code;
            }
            Assert.True(DateTime.UtcNow < deadline, "a new code reached the sink within a minute");
            await Task.Delay(500);
        }
    }

    private static async Task AssertFitsAndAccessibleAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.False(overflow, $"{page.Url} scrolls sideways at 320 px");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    /// <summary>Presses Tab until the element has the focus (as a keyboard user moves through the page).</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail("the element is not reachable with Tab");
    }

    /// <summary>A finger stroke: real touch events (Chrome turns them into pointer events of type "touch").</summary>
    private static async Task TouchStrokeAsync(IPage page, ILocator canvas, (double X, double Y)[] points)
    {
        var box = (await canvas.BoundingBoxAsync())!;
        var cdp = await page.Context.NewCDPSessionAsync(page);
        Dictionary<string, object> Touch(string type, (double X, double Y)? point) => new()
        {
            ["type"] = type,
            ["touchPoints"] = point is { } p ? new object[] { new Dictionary<string, object> { ["x"] = box.X + p.X * box.Width, ["y"] = box.Y + p.Y * box.Height } } : Array.Empty<object>(),
        };
        await cdp.SendAsync("Input.dispatchTouchEvent", Touch("touchStart", points[0]));
        foreach (var point in points.Skip(1))
        {
            await cdp.SendAsync("Input.dispatchTouchEvent", Touch("touchMove", point));
        }
        await cdp.SendAsync("Input.dispatchTouchEvent", Touch("touchEnd", null));
        await cdp.DetachAsync();
    }

    private static async Task MouseStrokeAsync(IPage page, ILocator canvas, (double X, double Y)[] points)
    {
        var box = (await canvas.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync((float)(box.X + points[0].X * box.Width), (float)(box.Y + points[0].Y * box.Height));
        await page.Mouse.DownAsync();
        foreach (var point in points.Skip(1))
        {
            await page.Mouse.MoveAsync((float)(box.X + point.X * box.Width), (float)(box.Y + point.Y * box.Height), new() { Steps = 4 });
        }
        await page.Mouse.UpAsync();
    }

    /// <summary>The pad wrote this many strokes into the form's hidden field (a tap's click comes a moment after the touch).</summary>
    private static async Task AssertStrokesAsync(IPage page, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        var actual = await StrokesAsync(page);
        while (actual != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            actual = await StrokesAsync(page);
        }
        Assert.Equal(expected, actual);
    }

    /// <summary>How many strokes the pad wrote into the form's hidden field.</summary>
    private static async Task<int> StrokesAsync(IPage page)
    {
        var value = await page.Locator("[data-signature-value]").First.InputValueAsync();
        if (string.IsNullOrEmpty(value))
        {
            return 0;
        }
        using var json = JsonDocument.Parse(value);
        return json.RootElement.TryGetProperty("strokes", out var strokes) ? strokes.GetArrayLength() : 0;
    }

    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext") { ArgumentList = { "-layout", path, "-" }, RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
