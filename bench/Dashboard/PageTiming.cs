using Microsoft.Playwright;

namespace DashboardBench;

/// <summary>One cold load of a URL in a fresh browser context: Chromium's own navigation and paint timings, and the bytes of every response.</summary>
internal sealed record PageTiming(double FirstContentfulPaintMs, double LoadEventMs, long TransferredBytes, long DecodedBytes, int Requests)
{
    public static async Task<PageTiming> MeasureAsync(IBrowser browser, string url)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        if (response is null || !response.Ok)
        {
            throw new InvalidOperationException($"{url}: {response?.Status}");
        }

        // Navigation timing counts from the start of the navigation, so the driver's own overhead is not in it.
        var numbers = await page.EvaluateAsync<double[]>("""
            () => {
              const nav = performance.getEntriesByType('navigation')[0];
              const paint = performance.getEntriesByName('first-contentful-paint')[0];
              const resources = performance.getEntriesByType('resource');
              const transferred = nav.transferSize + resources.reduce((s, r) => s + r.transferSize, 0);
              const decoded = nav.decodedBodySize + resources.reduce((s, r) => s + r.decodedBodySize, 0);
              return [paint ? paint.startTime : nav.loadEventEnd, nav.loadEventEnd, transferred, decoded, 1 + resources.length];
            }
            """);
        return new PageTiming(numbers[0], numbers[1], (long)numbers[2], (long)numbers[3], (int)numbers[4]);
    }
}
