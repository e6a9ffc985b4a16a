using Microsoft.Playwright;

namespace Pinger.Dashboard.Tests.Infrastructure;

/// <summary>
/// Debian's headless Chromium (/usr/bin/chromium, package <c>chromium</c>) driven by Playwright; Playwright's own
/// browser downloads are never used. Started once per test run. Without Chromium the browser tests fail with the
/// command that installs it (./build.sh --target=Prerequisites), so no run passes without them.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    /// <summary>The arguments that keep Chromium from talking to anything but the page under test.</summary>
    public static IReadOnlyList<string> Arguments { get; } =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static async Task<IBrowser> BrowserAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail(ExecutablePath + " is missing: ./build.sh --target=Prerequisites installs it (apt-get install chromium)");
        }

        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _playwright ??= await Playwright.CreateAsync().ConfigureAwait(false);
            _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
            }).ConfigureAwait(false);
            return _browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task StopAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync().ConfigureAwait(false);
        }

        _playwright?.Dispose();
        _browser = null;
        _playwright = null;
    }
}
