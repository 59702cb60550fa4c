using System.Collections.Concurrent;
using Microsoft.Playwright;
using OtpNet;

namespace Moatown.EndToEndTests.Browser;

/// <summary>
/// A development staff member signs in as a person does: the web client sends them to identity's
/// pages, they type the password and the authenticator's code, and come back to the dashboard.
/// </summary>
public static class StaffSignInSteps
{
    // Identity accepts each authenticator step once per account; a second sign-in within the same
    // 30 seconds waits for the next code, as a person would.
    private static readonly ConcurrentDictionary<string, long> LastStep = new(StringComparer.Ordinal);

    public static async Task SignInAsync(IPage page, string userName, string startPath = "/staff")
    {
        await page.GotoAsync(startPath);
        await page.GetByLabel("아이디 (User name)").FillAsync(userName);
        await page.GetByLabel("비밀번호 (Password)").FillAsync(SystemUnderTest.DevStaffPassword);
        await page.GetByRole(AriaRole.Button).ClickAsync();
        await page.GetByLabel("인증 코드 (Code)").FillAsync(await NextCodeAsync(userName));
        await page.GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith(startPath, StringComparison.Ordinal));
    }

    private static async Task<string> NextCodeAsync(string userName)
    {
        var totp = new Totp(Base32Encoding.ToBytes(SystemUnderTest.DevStaffTotpSecret));
        while (true)
        {
            var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            if (LastStep.TryGetValue(userName, out var used) && used >= step)
            {
                await Task.Delay(TimeSpan.FromSeconds(30 - DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 30 + 1));
                continue;
            }
            LastStep[userName] = step;
            return totp.ComputeTotp(DateTime.UtcNow);
        }
    }
}
