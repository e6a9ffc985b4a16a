using Microsoft.Playwright;

namespace DashboardBench;

/// <summary>
/// The documentation's screenshots of a running dashboard (the Demo's), in the headless Chromium the tests use:
/// dashboard-laptop.png at 1280×900 and dashboard-phone.png at 390×844 as a phone shows it (mobile viewport,
/// device scale 2), each the first screen of the page.
/// </summary>
internal static class Screenshots
{
    public static async Task TakeAsync(string url, string directory)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        foreach (var (name, width, height, mobile) in new[] { ("dashboard-laptop", 1280, 900, false), ("dashboard-phone", 390, 844, true) })
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = width, Height = height },
                IsMobile = mobile,
                HasTouch = mobile,
                DeviceScaleFactor = mobile ? 2 : 1,
                ColorScheme = ColorScheme.Light,
            });
            var page = await context.NewPageAsync();
            var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            if (response is not { Status: 200 })
            {
                throw new InvalidOperationException($"{url} answered {response?.Status}");
            }

            var file = Path.Combine(directory, name + ".png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
            Console.WriteLine($"{file}: {width}×{height}{(mobile ? ", mobile, scale 2" : "")}, {new FileInfo(file).Length / 1000} kB");
        }
    }
}
