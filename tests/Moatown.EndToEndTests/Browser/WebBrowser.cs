using Microsoft.Playwright;

namespace Moatown.EndToEndTests.Browser;

/// <summary>
/// Debian's chromium, driven by Playwright, against the gateway of <see cref="SystemUnderTest"/>.
/// One browser for the run; each test opens its own contexts (separate cookies, like separate people).
/// </summary>
public sealed class WebBrowser : IAsyncLifetime
{
    /// <summary>Installed by ./moatown test (Debian package "chromium"); Playwright downloads nothing.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The narrowest phone the resident pages are made for.</summary>
    public static readonly ViewportSize Phone = new() { Width = 320, Height = 720 };
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: ./moatown test installs the Debian package 'chromium'.");
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A new person at the gateway: a phone-sized screen unless told otherwise, Korean by default.</summary>
    public async Task<IBrowserContext> NewPersonAsync(Uri gateway, ViewportSize? screen = null, bool touch = false)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = gateway.ToString().TrimEnd('/'),
            ViewportSize = screen ?? Phone,
            HasTouch = touch,
            IsMobile = touch,
            Locale = "ko-KR",
            TimezoneId = "Asia/Seoul",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}
