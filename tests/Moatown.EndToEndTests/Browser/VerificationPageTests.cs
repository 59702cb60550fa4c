using System.Security.Cryptography;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Moatown.EndToEndTests.Browser;

/// <summary>
/// The public verification page: anyone uploads a sealed consent PDF and reads the verdict; a changed
/// copy is refused in plain words with what to do.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class VerificationPageTests(SystemUnderTest system, WebBrowser browser)
{
    [Fact]
    public async Task A_sealed_consent_is_genuine_and_a_changed_copy_is_not()
    {
        using var campaigns = await system.AuthorizedGatewayAsync("campaigns");
        using var notifications = await system.AuthorizedGatewayAsync("notifications");
        var (campaignId, holders) = await GatewayResidents.OpenSampleCampaignAsync(campaigns, "면목동 모아타운 (확인)");
        var (consent, pdf) = await ResidentSigningSteps.SignAndSealAsync(system, campaigns, notifications, campaignId, holders["한*준"]);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));

        // Anonymous, on a phone, from the receipt's QR code.
        await using var person = await browser.NewPersonAsync(system.Gateway.BaseAddress!);
        var page = await person.NewPageAsync();
        await page.GotoAsync($"/verify?sha256={sha256}");
        await Expect(page.Locator("#receipt-hash")).ToContainTextAsync(sha256);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("동의서 PDF 파일").SetInputFilesAsync(new FilePayload { Name = "동의서.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "확인하기" }).ClickAsync();

        await Expect(page.Locator("#verdict .verdict")).ToContainTextAsync("진본입니다");
        await Expect(page.Locator("#receipt-number")).ToHaveTextAsync(consent.GetProperty("receiptNumber").GetString()!);
        await Expect(page.Locator("#verdict")).ToContainTextAsync("Moatown");
        await Expect(page.Locator("#verdict")).ToContainTextAsync("유효한 동의");
        await Expect(page.Locator("#receipt-match")).ToContainTextAsync("같습니다");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screens.SaveAsync(page, "verify-result");

        // A copy with a line appended after sealing (what an edit saved by a PDF editor does).
        var changed = pdf.Concat(Encoding.ASCII.GetBytes("\n% changed after sealing\n")).ToArray();
        await page.GotoAsync("/verify");
        await page.GetByLabel("동의서 PDF 파일").SetInputFilesAsync(new FilePayload { Name = "동의서.pdf", MimeType = "application/pdf", Buffer = changed });
        await page.GetByRole(AriaRole.Button, new() { Name = "확인하기" }).ClickAsync();

        await Expect(page.Locator("#verdict .verdict")).ToContainTextAsync("온전하지 않습니다");
        await Expect(page.Locator("#verdict")).ToContainTextAsync("다시 내려받을 수 있습니다");
        await Expect(page.Locator("#verdict")).ToContainTextAsync("봉인 뒤 바뀜");
        Assert.Equal(0, await page.Locator("#receipt-number").CountAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_a_sealed_pdf_gets_an_answer_saying_what_to_upload_instead()
    {
        await using var person = await browser.NewPersonAsync(system.Gateway.BaseAddress!);
        var page = await person.NewPageAsync();
        await page.GotoAsync("/verify");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "봉인 루트 인증서 (seal-roots.pem)" })).ToHaveAttributeAsync("href", "/api/documents/trust/seal-roots.pem");
        Assert.Contains("BEGIN CERTIFICATE", await system.Gateway.GetStringAsync("/api/documents/trust/seal-roots.pem"), StringComparison.Ordinal);

        var unsigned = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        await page.GetByLabel("동의서 PDF 파일").SetInputFilesAsync(new FilePayload { Name = "scan.pdf", MimeType = "application/pdf", Buffer = unsigned });
        await page.GetByRole(AriaRole.Button, new() { Name = "확인하기" }).ClickAsync();

        await Expect(page.Locator("#verdict")).ToContainTextAsync("봉인(전자서명)이 없는 PDF입니다");
        await Expect(page.Locator("#verdict")).ToContainTextAsync("영수증 화면에서 내려받은 PDF를 올려 주세요");
    }
}
