using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Pinger.Dashboard.Tests.Infrastructure;

/// <summary>
/// A fresh browser context and page (no cache, no cookies) that records every request the page makes and every
/// console error, where Chromium reports Content-Security-Policy violations.
/// </summary>
internal sealed class PageRecorder : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private PageRecorder(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Request += (_, request) => Requests.Add(request.Url);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => ConsoleErrors.Add("page error: " + error);
    }

    public IPage Page { get; }

    public ConcurrentBag<string> Requests { get; } = [];

    public ConcurrentBag<string> ConsoleErrors { get; } = [];

    /// <summary>A page of <paramref name="width"/> × <paramref name="height"/> CSS pixels.</summary>
    public static async Task<PageRecorder> OpenAsync(int width = 1280, int height = 900, bool mobile = false)
    {
        var browser = await Chromium.BrowserAsync().ConfigureAwait(false);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = mobile,
            HasTouch = mobile,
            DeviceScaleFactor = mobile ? 2 : 1,
        }).ConfigureAwait(false);
        var page = await context.NewPageAsync().ConfigureAwait(false);
        return new PageRecorder(context, page);
    }

    /// <summary>Saves a full-page screenshot under artifacts/dashboard-tests/ and attaches it to the test result.</summary>
    public async Task<string> ScreenshotAsync(TestContext testContext, string name)
    {
        var directory = Path.Combine(TestPaths.RepositoryRoot, "artifacts", "dashboard-tests");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true }).ConfigureAwait(false);
        testContext.AddResultFile(file);
        return file;
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync().ConfigureAwait(false);
}
