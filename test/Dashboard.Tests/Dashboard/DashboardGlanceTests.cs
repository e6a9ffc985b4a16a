using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pinger.Dashboard.Tests.Infrastructure;

namespace Pinger.Dashboard.Tests.Dashboard;

/// <summary>
/// What a reader takes in at a glance, in headless Chromium over <see cref="KnownCounts"/>: the headline figures,
/// one colour per series, a readable axis on a phone, window names per kind, ISO dates.
/// </summary>
[TestClass]
public sealed partial class DashboardGlanceTests
{
    private static DashboardServer _server = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context) => _server = await DashboardServer.StartAsync(KnownCounts.Write);

    [ClassCleanup]
    public static async Task Stop() => await _server.DisposeAsync();

    private static async Task<PageRecorder> OpenAsync(string path = "/", int width = 1280, int height = 900, bool mobile = false)
    {
        var recorder = await PageRecorder.OpenAsync(width, height, mobile);
        var response = await recorder.Page.GotoAsync(_server.Origin + path);
        Assert.AreEqual(200, response!.Status, path);
        return recorder;
    }

    // The released report count of one window, as /v1/totals publishes it, or null when it publishes none.
    private static async Task<long?> PublishedReportsAsync(string kind, string start)
    {
        using var json = JsonDocument.Parse(await _server.Client.GetStringAsync($"/v1/totals?window={kind}&from={start}&to={start}"));
        return json.RootElement.GetProperty("reports").EnumerateArray()
            .Where(r => r.GetProperty("window").GetString() == kind && r.GetProperty("start").GetString() == start)
            .Select(r => (long?)r.GetProperty("count").GetInt64())
            .SingleOrDefault();
    }

    [TestMethod]
    public async Task The_headline_shows_the_public_totals_of_the_last_closed_day_week_and_month()
    {
        await using var recorder = await OpenAsync();
        var page = recorder.Page;

        var figures = await page.Locator("#headline li").AllAsync();
        Assert.AreEqual(3, figures.Count);
        var seen = new Dictionary<string, long?>();
        foreach (var figure in figures)
        {
            var kind = (await figure.GetAttributeAsync("data-kind"))!;
            var start = (await figure.GetAttributeAsync("data-window"))!;
            var shown = await figure.GetAttributeAsync("data-count") is { } count ? long.Parse(count, CultureInfo.InvariantCulture) : (long?)null;
            Assert.AreEqual(await PublishedReportsAsync(kind, start), shown, $"{kind} {start}");
            seen[kind + " " + start] = shown;
        }

        // The last closed windows on Friday 2026-11-27: Thursday, the week of 2026-11-16, October.
        CollectionAssert.AreEquivalent(new[] { "day 2026-11-26", "week 2026-11-16", "month 2026-10-01" }, seen.Keys.ToArray());
        Assert.AreEqual(24, seen["week 2026-11-16"], "15 + 6 + 3 machines: the report count is released whole, withheld values or not");
        Assert.IsNull(seen["day 2026-11-26"], "no machine reported on Thursday");

        var week = page.Locator("#headline li[data-kind='week']");
        StringAssert.Contains(await week.InnerTextAsync(), "week 2026-W47");
        StringAssert.Contains(await week.InnerTextAsync(), "24");
        StringAssert.Contains(await week.Locator(".change").InnerTextAsync(), "up 26% on week 2026-W46", "24 against 19 machines");
        StringAssert.Contains(await page.Locator("#headline li[data-kind='day']").InnerTextAsync(), "not published");
    }

    [TestMethod]
    [DataRow("age", "more than six months")]
    [DataRow("version", "Fedora 41")]
    public async Task A_series_has_one_colour_in_every_chart_and_legend(string breakdown, string series)
    {
        await using var recorder = await OpenAsync("/?window=week&breakdown=" + breakdown);
        var page = recorder.Page;

        var reports = await FillAsync(page, $"svg[data-chart='reports-chart'] path[data-series='{series}']", "fill");
        var countme = await FillAsync(page, $"svg[data-chart='countme-chart'] path[data-series='{series}']", "fill");
        var legend = await FillAsync(page, $"#reports-chart .legend li[data-series='{series}'] .swatch", "background-color");
        var countmeLegend = await FillAsync(page, $"#countme-chart .legend li[data-series='{series}'] .swatch", "background-color");
        Assert.AreEqual(reports, countme, $"{series} in the two charts");
        Assert.AreEqual(reports, legend);
        Assert.AreEqual(reports, countmeLegend);

        // Different series of one chart never share a colour.
        var fills = new List<string>();
        foreach (var path in await page.Locator("svg[data-chart='countme-chart'] path[data-series]").AllAsync())
        {
            fills.Add(await path.EvaluateAsync<string>("p => getComputedStyle(p).fill"));
        }

        Assert.AreEqual(fills.Count, fills.Distinct().Count(), string.Join(", ", fills));
    }

    [TestMethod]
    public async Task A_series_keeps_its_colour_when_another_series_outgrows_it()
    {
        // Colours follow names, not rank: the same series is the same colour in views where its rank differs.
        await using var byAge = await OpenAsync("/?window=week&breakdown=age");
        var firstSixMonths = await FillAsync(byAge.Page, "svg[data-chart='countme-chart'] path[data-series='first six months']", "fill");
        var older = await FillAsync(byAge.Page, "svg[data-chart='countme-chart'] path[data-series='more than six months']", "fill");
        Assert.AreNotEqual(firstSixMonths, older);
        await using var chosen = await OpenAsync("/?window=week&breakdown=age&from=2026-11-09&to=2026-11-09");
        Assert.AreEqual(older, await FillAsync(chosen.Page, "svg[data-chart='reports-chart'] path[data-series='more than six months']", "fill"));
        Assert.AreEqual(firstSixMonths, await FillAsync(chosen.Page, "svg[data-chart='reports-chart'] path[data-series='first six months']", "fill"));
    }

    private static async Task<string> FillAsync(Microsoft.Playwright.IPage page, string selector, string property)
    {
        var element = page.Locator(selector);
        Assert.AreEqual(1, await element.CountAsync(), selector);
        return await element.EvaluateAsync<string>($"e => getComputedStyle(e)['{property}']");
    }

    [TestMethod]
    public async Task On_a_phone_the_charts_fit_and_their_value_axis_stays_in_view_and_readable()
    {
        await using var recorder = await OpenAsync("/", 390, 844, mobile: true);
        var page = recorder.Page;

        Assert.AreEqual(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"),
            "the page scrolls sideways");
        foreach (var chart in new[] { "reports-chart", "countme-chart" })
        {
            var box = await page.EvaluateAsync<double[]>($"() => {{ const r = document.querySelector(\"svg[data-chart='{chart}']\").getBoundingClientRect(); return [r.left, r.right]; }}");
            Assert.IsTrue(box[0] >= 0 && box[1] <= 390, $"{chart} spans {box[0]} to {box[1]}");
            var plot = await page.EvaluateAsync<int>($"() => {{ const p = document.querySelector('#{chart} .plot'); return p.scrollWidth - p.clientWidth; }}");
            Assert.AreEqual(0, plot, $"{chart} scrolls sideways");

            // Every value label is on screen, at least 9 px tall.
            var labels = await page.EvaluateAsync<double[][]>($"() => [...document.querySelectorAll(\"svg[data-chart='{chart}'] text.value\")].map(t => {{ const r = t.getBoundingClientRect(); return [r.left, r.right, r.height]; }})");
            Assert.IsTrue(labels.Length >= 2, chart);
            foreach (var label in labels)
            {
                Assert.IsTrue(label[0] >= 0 && label[1] <= 390, $"{chart}: a value label spans {label[0]} to {label[1]}");
                Assert.IsTrue(label[2] >= 9, $"{chart}: a value label is {label[2]} px tall");
            }

            // Date labels do not overlap.
            var dates = await page.EvaluateAsync<double[][]>($"() => [...document.querySelectorAll(\"svg[data-chart='{chart}'] .grid > text:not(.value):not(.gap)\")].map(t => t.getBoundingClientRect()).filter(r => r.width > 0).map(r => [r.left, r.right])");
            for (var i = 1; i < dates.Length; i++)
            {
                Assert.IsTrue(dates[i][0] > dates[i - 1][1], $"{chart}: date labels {i - 1} and {i} overlap");
            }
        }
    }

    [TestMethod]
    [DataRow("week", "Shares in week 2026-W47", "in week 2026-W47 (2026-11-16 to 2026-11-22)")]
    [DataRow("day", "Shares on 2026-11-20", "on 2026-11-20 (2026-11-20)")]
    public async Task Headings_name_the_window_as_people_say_it(string kind, string heading, string sentence)
    {
        await using var recorder = await OpenAsync("/?window=" + kind);
        var page = recorder.Page;
        Assert.AreEqual(heading, (await page.Locator("#shares-h").TextContentAsync())!.Trim());
        StringAssert.Contains(await page.Locator("#shares > p").First.TextContentAsync(), sentence);
        Assert.IsFalse(ClumsyWindowName().IsMatch(await page.Locator("body").InnerTextAsync()), "no \"in the December 2026\" or \"in the 2026-12-06\"");
    }

    [TestMethod]
    [DataRow("/")]
    [DataRow("/?window=day&breakdown=platform")]
    [DataRow("/?window=month&breakdown=age")]
    public async Task Every_date_is_written_the_ISO_way_and_the_range_inputs_take_ISO_dates(string path)
    {
        await using var recorder = await OpenAsync(path);
        var page = recorder.Page;
        foreach (var name in new[] { "from", "to" })
        {
            var input = page.Locator($"form.range input[name='{name}']");
            Assert.AreEqual("text", await input.GetAttributeAsync("type"), "a date picker shows the browser's locale, not ISO dates");
            StringAssert.Matches(await input.InputValueAsync(), IsoDay());
            Assert.AreEqual("YYYY-MM-DD", await input.GetAttributeAsync("placeholder"));
        }

        var text = await page.Locator("body").InnerTextAsync();
        Assert.IsFalse(LocaleDate().IsMatch(text), LocaleDate().Match(text).Value);
    }

    [TestMethod]
    public async Task A_date_typed_in_another_form_is_refused_by_the_form_and_by_the_server()
    {
        await using var recorder = await OpenAsync();
        var page = recorder.Page;
        await page.GetByLabel("From", new() { Exact = true }).FillAsync("11/16/2026");
        Assert.IsFalse(await page.Locator("form.range input[name='from']").EvaluateAsync<bool>("i => i.checkValidity()"));
        var response = await _server.Client.GetAsync("/?from=11/16/2026");
        Assert.AreEqual(400, (int)response.StatusCode);
    }

    [GeneratedRegex(@"\b(in|on) the (\d{4}|[A-Z][a-z]+ \d{4}|week of)")]
    private static partial Regex ClumsyWindowName();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDay();

    [GeneratedRegex(@"\b\d{1,2}/\d{1,2}/\d{2,4}\b")]
    private static partial Regex LocaleDate();
}
