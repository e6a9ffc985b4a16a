using Microsoft.Playwright;
using Pinger.Dashboard.Tests.Infrastructure;

namespace Pinger.Dashboard.Tests.Dashboard;

/// <summary>The dashboard in headless Chromium, over a server seeded with <see cref="KnownCounts"/>.</summary>
[TestClass]
public sealed class DashboardBrowserTests
{
    private static DashboardServer _server = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context) => _server = await DashboardServer.StartAsync(KnownCounts.Write);

    [ClassCleanup]
    public static async Task Stop() => await _server.DisposeAsync();

    private static string Week(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<PageRecorder> OpenAsync(string path = "/", int width = 1280, int height = 900, bool mobile = false)
    {
        var recorder = await PageRecorder.OpenAsync(width, height, mobile);
        var response = await recorder.Page.GotoAsync(_server.Origin + path);
        Assert.AreEqual(200, response!.Status, path);
        return recorder;
    }

    // Focuses the link and presses Enter; the wait for the new URL starts before the key press, so it cannot miss it.
    private static async Task FollowWithEnterAsync(IPage page, ILocator link, string url)
    {
        await link.FocusAsync();
        var navigated = page.WaitForURLAsync(url);
        await link.PressAsync("Enter");
        await navigated;
        Assert.AreEqual("page", await link.GetAttributeAsync("aria-current"), "the link now names the current view");
    }

    [TestMethod]
    public async Task The_reports_chart_shows_the_seeded_machines_per_week()
    {
        await using var recorder = await OpenAsync();
        var page = recorder.Page;

        var bars = await PageNumbers.BarsAsync(page, "reports-chart");
        Assert.AreEqual(19, bars[Week(KnownCounts.Week1)]);
        Assert.AreEqual(24, bars[Week(KnownCounts.Week2)]);
        Assert.AreEqual(14, bars[Week(KnownCounts.Week3)]);
        Assert.AreEqual(52, bars.Count, "the default weekly range is a year of weeks, empty ones included");

        var table = await PageNumbers.TableAsync(page, "reports-chart");
        Assert.AreEqual(12, table[(Week(KnownCounts.Week1), "fedora 41")]);
        Assert.AreEqual(7, table[(Week(KnownCounts.Week1), "fedora 40")]);
        Assert.AreEqual(15, table[(Week(KnownCounts.Week2), "fedora 41")]);
        Assert.AreEqual(0, table[(Week(KnownCounts.Week2), "fedora 40")], "withheld with the 3 machines below k, so the 3 cannot be worked out");
        Assert.AreEqual(9, table[(Week(KnownCounts.Week2), "other")]);
        Assert.AreEqual(24, table[(Week(KnownCounts.Week2), "")]);
        Assert.AreEqual(5, table[(Week(KnownCounts.Week3), "fedora 42")]);
        CollectionAssert.AreEquivalent(new[] { "fedora 41", "fedora 40", "fedora 42", "other" }, (await PageNumbers.SeriesAsync(page, "reports-chart")).ToArray());

        // The open week is marked in the chart, its tooltip, the table and the text alternative.
        var open = page.Locator($"svg[data-chart='reports-chart'] g[data-window='{Week(KnownCounts.Week3)}']");
        Assert.AreEqual("true", await open.GetAttributeAsync("data-provisional"));
        StringAssert.Contains(await open.Locator("title").TextContentAsync(), "still open");
        Assert.AreEqual(1, await page.Locator("svg[data-chart='reports-chart'] g.provisional").CountAsync());
        StringAssert.Contains(await page.Locator($"table[data-table='reports-chart'] tr[data-window='{Week(KnownCounts.Week3)}'] th").TextContentAsync(), "(open)");
        var description = await page.Locator("#reports-chart-desc").TextContentAsync();
        StringAssert.Contains(description, "week of 2026-11-23, still open, 14 machines: fedora 41 9 (64.3%), fedora 42 5 (35.7%)");
        Assert.AreEqual("img", await page.Locator("svg[data-chart='reports-chart']").GetAttributeAsync("role"));
    }

    [TestMethod]
    public async Task The_countme_chart_counts_each_machine_once_and_shows_no_withheld_row()
    {
        await using var recorder = await OpenAsync();
        var table = await PageNumbers.TableAsync(recorder.Page, "countme-chart");

        // Fedora 41 is in two repositories (20 and 18 hits): its machines are the larger, not the sum.
        Assert.AreEqual(20, table[(Week(KnownCounts.Week2), "Fedora 41")]);
        Assert.AreEqual(8, table[(Week(KnownCounts.Week2), "Fedora 40")]);
        Assert.AreEqual(28, table[(Week(KnownCounts.Week2), "")]);
        Assert.IsFalse(table.Keys.Any(k => k.Series is "Fedora 38" or "Fedora 37"), "rows below k, and the one withheld with them, are not shown");
    }

    [TestMethod]
    public async Task Shares_show_every_minimal_field_with_counts_and_percentages_of_the_latest_window()
    {
        await using var recorder = await OpenAsync();
        var page = recorder.Page;

        StringAssert.Contains(await page.Locator("#shares-h").TextContentAsync(), "week of 2026-11-23");
        Assert.AreEqual(9, await PageNumbers.ShareAsync(page, "os-versions.version_id", "41"));
        Assert.AreEqual(5, await PageNumbers.ShareAsync(page, "os-versions.version_id", "42"));
        Assert.AreEqual(9, await PageNumbers.ShareAsync(page, "platform.id", "aws"));
        Assert.AreEqual(5, await PageNumbers.ShareAsync(page, "platform.id", "qemu"));
        StringAssert.Contains(await page.Locator("div[data-field='platform.id'] tr[data-value='aws']").TextContentAsync(), "64.3%");

        // A minimal field nobody reported here still has its card; full-level fields without data have none.
        StringAssert.Contains(await page.Locator("div[data-field='os-versions.version']").TextContentAsync(), "Nothing published in this window");
        Assert.AreEqual(0, await page.Locator("div[data-field='hardware.cpus']").CountAsync());
        StringAssert.Contains(await page.Locator("#shares").TextContentAsync(), "still open");
    }

    [TestMethod]
    public async Task Links_switch_the_breakdown_and_the_window_kind_with_the_keyboard()
    {
        await using var recorder = await OpenAsync();
        var page = recorder.Page;

        await FollowWithEnterAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "platform", Exact = true }), "**/?window=week&breakdown=platform");
        var byPlatform = await PageNumbers.TableAsync(page, "reports-chart");
        Assert.AreEqual(12, byPlatform[(Week(KnownCounts.Week1), "aws")]);
        Assert.AreEqual(7, byPlatform[(Week(KnownCounts.Week1), "gcp")]);
        Assert.AreEqual(5, byPlatform[(Week(KnownCounts.Week3), "qemu")]);
        Assert.AreEqual(9, byPlatform[(Week(KnownCounts.Week2), "other")]);

        await FollowWithEnterAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "age", Exact = true }), "**/?window=week&breakdown=age");
        await FollowWithEnterAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Monthly" }), "**/?window=month&breakdown=age");

        var bars = await PageNumbers.BarsAsync(page, "reports-chart");
        Assert.AreEqual(57, bars["2026-11-01"]);
        var byAge = await PageNumbers.TableAsync(page, "reports-chart");
        Assert.AreEqual(36, byAge[("2026-11-01", "more than six months")]);
        Assert.AreEqual(13, byAge[("2026-11-01", "first six months")]);
        Assert.AreEqual(8, byAge[("2026-11-01", "other")], "the 3 machines below k, and the 5 withheld with them");
        CollectionAssert.AreEqual(new[] { "first six months", "more than six months", "other" }, (await PageNumbers.SeriesAsync(page, "reports-chart")).ToArray(),
            "age buckets keep their order");
    }

    [TestMethod]
    public async Task The_range_form_narrows_the_charts_to_the_chosen_windows()
    {
        await using var recorder = await OpenAsync();
        var page = recorder.Page;

        await page.GetByLabel("From", new() { Exact = true }).FillAsync(Week(KnownCounts.Week2));
        await page.GetByLabel("To", new() { Exact = true }).FillAsync(Week(KnownCounts.Week2));
        var navigated = page.WaitForURLAsync("**/?window=week&breakdown=version&from=2026-11-16&to=2026-11-16");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await navigated;

        var bars = await PageNumbers.BarsAsync(page, "reports-chart");
        CollectionAssert.AreEqual(new[] { Week(KnownCounts.Week2) }, bars.Keys.ToArray());
        Assert.AreEqual(24, bars[Week(KnownCounts.Week2)]);
        StringAssert.Contains(await page.Locator("#shares-h").TextContentAsync(), "week of 2026-11-16");

        // The download links carry the same range.
        var json = await page.GetByRole(AriaRole.Link, new() { Name = "JSON", Exact = true }).GetAttributeAsync("href");
        Assert.AreEqual("/v1/totals?window=week&from=2026-11-16&to=2026-11-16", json);
    }

    [TestMethod]
    [DataRow("/")]
    [DataRow("/?window=week&breakdown=platform")]
    [DataRow("/?window=week&breakdown=age")]
    [DataRow("/?window=month&breakdown=version")]
    [DataRow("/?window=day&breakdown=platform")]
    [DataRow("/?window=week&breakdown=version&from=2026-11-16&to=2026-11-16")]
    public async Task A_withheld_cell_appears_nowhere_on_the_page(string path)
    {
        await using var recorder = await OpenAsync(path);
        var html = await recorder.Page.ContentAsync();
        var text = await recorder.Page.Locator("body").InnerTextAsync();
        foreach (var withheld in new[] { KnownCounts.WithheldFullVersion, KnownCounts.WithheldPlatform, "fedora 39", "Fedora 38", "Fedora 37" })
        {
            // As a whole word: "metal" is also part of "/metalink".
            var word = new System.Text.RegularExpressions.Regex($@"(?<![\w.]){System.Text.RegularExpressions.Regex.Escape(withheld)}(?![\w.])");
            Assert.IsFalse(word.IsMatch(html), $"{withheld} is in the page's HTML");
            Assert.IsFalse(word.IsMatch(text), $"{withheld} is in the page's text");
        }
    }

    [TestMethod]
    public async Task The_page_requests_nothing_from_another_origin_and_breaks_no_policy()
    {
        await using var recorder = await OpenAsync("/?window=week&breakdown=version");
        var page = recorder.Page;
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var requests = recorder.Requests.ToArray();
        foreach (var url in requests)
        {
            Assert.IsTrue(url.StartsWith(_server.Origin + "/", StringComparison.Ordinal), $"the page requested {url}");
        }

        Assert.IsTrue(requests.Any(r => r.Contains("/dashboard.css?v=", StringComparison.Ordinal)), string.Join(", ", requests));
        Assert.AreEqual(0, recorder.ConsoleErrors.Count, string.Join("\n", recorder.ConsoleErrors));

        // The stylesheet really applied under the policy: series colours come from it alone.
        var fill = await page.EvalOnSelectorAsync<string>("svg[data-chart='reports-chart'] path.s0", "p => getComputedStyle(p).fill");
        Assert.AreEqual("rgb(78, 121, 167)", fill);
        Assert.AreEqual(0, await page.Locator("script").CountAsync());
    }

    [TestMethod]
    public async Task Keyboard_focus_starts_at_the_skip_link_and_is_visible()
    {
        await using var recorder = await OpenAsync();
        var page = recorder.Page;

        await page.Keyboard.PressAsync("Tab");
        Assert.AreEqual("Skip to the numbers", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        Assert.AreNotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.PressAsync("Tab");
        Assert.AreEqual("Daily", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        Assert.AreNotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
    }

    [TestMethod]
    [DataRow("laptop", 1280, 800, false)]
    [DataRow("phone", 390, 844, true)]
    public async Task The_page_fits_a_laptop_and_a_phone(string name, int width, int height, bool mobile)
    {
        await using var recorder = await OpenAsync("/", width, height, mobile);
        var page = recorder.Page;

        // Wide charts and tables scroll inside their own boxes; the page itself never scrolls sideways.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.AreEqual(0, overflow, "the page is wider than the screen");
        var file = await recorder.ScreenshotAsync(TestContext, "dashboard-" + name);
        Assert.IsTrue(new FileInfo(file).Length > 10_000, file);
    }
}
