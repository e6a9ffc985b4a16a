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

        // A bar adds the released cells of os-versions.version_id: the 3 machines of 39 are withheld and in no bar.
        var bars = await PageNumbers.BarsAsync(page, "reports-chart");
        Assert.AreEqual(19, bars[Week(KnownCounts.Week1)]);
        Assert.AreEqual(21, bars[Week(KnownCounts.Week2)]);
        Assert.AreEqual(0, bars[Week(KnownCounts.Week3)], "the open week is not published");
        Assert.AreEqual(52, bars.Count, "the default weekly range is a year of weeks, empty ones included");

        var table = await PageNumbers.TableAsync(page, "reports-chart");
        Assert.AreEqual(12, table[(Week(KnownCounts.Week1), "Fedora 41")]);
        Assert.AreEqual(7, table[(Week(KnownCounts.Week1), "Fedora 40")]);
        Assert.AreEqual(15, table[(Week(KnownCounts.Week2), "Fedora 41")]);
        Assert.AreEqual(6, table[(Week(KnownCounts.Week2), "Fedora 40")]);
        Assert.AreEqual(21, table[(Week(KnownCounts.Week2), "")]);
        CollectionAssert.AreEquivalent(new[] { "Fedora 41", "Fedora 40" }, (await PageNumbers.SeriesAsync(page, "reports-chart")).ToArray(),
            "42 was only counted in the open week, 39 only under the threshold");

        // The open week is marked in the chart and its tooltip, with nothing in it; the table lists only published weeks.
        var open = page.Locator($"svg[data-chart='reports-chart'] g[data-window='{Week(KnownCounts.Week3)}']");
        Assert.AreEqual("true", await open.GetAttributeAsync("data-provisional"));
        StringAssert.Contains(await open.Locator("title").TextContentAsync(), "still open");
        Assert.AreEqual(1, await page.Locator("svg[data-chart='reports-chart'] g.provisional").CountAsync());
        Assert.AreEqual(0, await page.Locator($"table[data-table='reports-chart'] tr[data-window='{Week(KnownCounts.Week3)}']").CountAsync());
        var description = await page.Locator("#reports-chart-desc").TextContentAsync();
        StringAssert.Contains(description, "week 2026-W47, 21 machines: Fedora 41 15 (71.4%), Fedora 40 6 (28.6%)");
        Assert.AreEqual("img", await page.Locator("svg[data-chart='reports-chart']").GetAttributeAsync("role"));
    }

    [TestMethod]
    public async Task The_countme_chart_counts_each_machine_once_and_exactly()
    {
        await using var recorder = await OpenAsync();
        var table = await PageNumbers.TableAsync(recorder.Page, "countme-chart");

        // Fedora 41 is in two repositories (20 and 18 hits): its machines are the larger, not the sum.
        Assert.AreEqual(20, table[(Week(KnownCounts.Week2), "Fedora 41")]);
        Assert.AreEqual(8, table[(Week(KnownCounts.Week2), "Fedora 40")]);

        // Countme totals of complete weeks are published exactly, small rows included, as Fedora publishes them.
        Assert.AreEqual(6, table[(Week(KnownCounts.Week2), "Fedora 37")]);
        Assert.AreEqual(2, table[(Week(KnownCounts.Week2), "Fedora 38")]);
        Assert.AreEqual(36, table[(Week(KnownCounts.Week2), "")]);
    }

    [TestMethod]
    public async Task Shares_show_every_minimal_field_with_counts_and_percentages_of_the_latest_window()
    {
        await using var recorder = await OpenAsync();
        var page = recorder.Page;

        // The latest window with a published count is the last ended week; the open one is not published.
        StringAssert.Contains(await page.Locator("#shares-h").TextContentAsync(), "week 2026-W47");
        Assert.AreEqual(15, await PageNumbers.ShareAsync(page, "os-versions.version_id", "41"));
        Assert.AreEqual(6, await PageNumbers.ShareAsync(page, "os-versions.version_id", "40"));
        Assert.IsNull(await PageNumbers.ShareAsync(page, "os-versions.version_id", "39"), "3 machines are under the threshold");
        Assert.AreEqual(15, await PageNumbers.ShareAsync(page, "platform.id", "aws"));
        Assert.AreEqual(6, await PageNumbers.ShareAsync(page, "platform.id", "gcp"));
        StringAssert.Contains(await page.Locator("div[data-field='platform.id'] tr[data-value='aws']").TextContentAsync(), "62.5%");

        // A minimal field with nothing published here still has its card; full-level fields without data have none.
        StringAssert.Contains(await page.Locator("div[data-field='os-versions.version']").TextContentAsync(), "Nothing published in this window");
        Assert.AreEqual(0, await page.Locator("div[data-field='hardware.cpus']").CountAsync());
        Assert.IsFalse((await page.Locator("#shares").TextContentAsync())!.Contains("still open", StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task Links_switch_the_breakdown_and_the_window_kind_with_the_keyboard()
    {
        await using var recorder = await OpenAsync();
        var page = recorder.Page;

        await FollowWithEnterAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "platform", Exact = true }), "**/?window=week&breakdown=platform");
        var byPlatform = await PageNumbers.TableAsync(page, "reports-chart");
        Assert.AreEqual(12, byPlatform[(Week(KnownCounts.Week1), "AWS")]);
        Assert.AreEqual(7, byPlatform[(Week(KnownCounts.Week1), "Google Cloud")]);
        Assert.AreEqual(6, byPlatform[(Week(KnownCounts.Week2), "Google Cloud")]);
        Assert.AreEqual(21, byPlatform[(Week(KnownCounts.Week2), "")], "metal's 3 machines are under the threshold");

        await FollowWithEnterAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "age", Exact = true }), "**/?window=week&breakdown=age");
        var byAge = await PageNumbers.TableAsync(page, "reports-chart");
        Assert.AreEqual(15, byAge[(Week(KnownCounts.Week2), "more than six months")]);
        Assert.AreEqual(6, byAge[(Week(KnownCounts.Week2), "first six months")]);
        Assert.AreEqual(21, byAge[(Week(KnownCounts.Week2), "")], "bucket 2's 3 machines are under the threshold");
        CollectionAssert.AreEqual(new[] { "first six months", "more than six months" }, (await PageNumbers.SeriesAsync(page, "reports-chart")).ToArray(),
            "age buckets keep their order");

        // Every seeded report is in November, still open on the fixed clock: the monthly chart has nothing yet.
        await FollowWithEnterAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Monthly" }), "**/?window=month&breakdown=age");
        var bars = await PageNumbers.BarsAsync(page, "reports-chart");
        Assert.IsTrue(bars.Values.All(b => b == 0), "the open month is not published");
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
        Assert.AreEqual(21, bars[Week(KnownCounts.Week2)]);
        StringAssert.Contains(await page.Locator("#shares-h").TextContentAsync(), "week 2026-W47");

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
    public async Task Neither_a_withheld_cell_nor_the_open_window_appears_on_the_page(string path)
    {
        await using var recorder = await OpenAsync(path);
        var html = await recorder.Page.ContentAsync();
        var text = await recorder.Page.Locator("body").InnerTextAsync();
        foreach (var withheld in new[] { KnownCounts.WithheldFullVersion, KnownCounts.WithheldPlatform, "data-series=\"39\"", "data-value=\"39\"", "qemu" })
        {
            // qemu was only counted in the open week. As a whole word: "metal" is also part of "/metalink".
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

        // The stylesheet really applied under the policy: series colours come from it alone (c0 is Okabe-Ito's orange).
        var fill = await page.EvalOnSelectorAsync<string>("svg[data-chart='reports-chart'] path.c0", "p => getComputedStyle(p).fill");
        Assert.AreEqual("rgb(230, 159, 0)", fill);
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
