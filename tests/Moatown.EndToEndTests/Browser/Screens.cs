using Microsoft.Playwright;
using Moatown.Testing;

namespace Moatown.EndToEndTests.Browser;

/// <summary>
/// The README's screenshots come from the browser tests: each named screen is written to
/// docs/screens/NAME.png every run, so the pictures show what the tests saw.
/// </summary>
public static class Screens
{
    public static string Folder => Path.Combine(RepositoryLayout.Root, "docs", "screens");

    public static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"{name}.png"), FullPage = true });
    }
}
