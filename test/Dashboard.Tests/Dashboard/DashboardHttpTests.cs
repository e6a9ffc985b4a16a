using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pinger.Dashboard.Tests.Infrastructure;
using Pinger.Protocol.Windows;
using Pinger.Server.Dashboard;
using Pinger.Server.Storage;

namespace Pinger.Dashboard.Tests.Dashboard;

/// <summary>The dashboard's HTTP behaviour and its HTML, without a browser.</summary>
[TestClass]
public sealed partial class DashboardHttpTests
{
    [TestMethod]
    public async Task The_page_is_sent_with_a_strict_policy_and_no_cache()
    {
        await using var server = await DashboardServer.StartAsync(KnownCounts.Write);
        using var response = await server.Client.GetAsync("/");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.AreEqual("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.AreEqual(
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.AreEqual("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.AreEqual("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.AreEqual("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.IsTrue(response.Headers.CacheControl!.NoCache);
        Assert.IsFalse(response.Headers.Contains("Server"), "Kestrel's Server header stays off");

        var html = await response.Content.ReadAsStringAsync();
        Assert.IsFalse(html.Contains("<script", StringComparison.OrdinalIgnoreCase), "the page runs no script");
        Assert.IsFalse(html.Contains("style=", StringComparison.Ordinal), "inline styles would be blocked by the policy");
        Assert.IsFalse(Regex.IsMatch(html, @"(src|href|action)=""(https?:)?//"), "nothing points to another origin");
    }

    [TestMethod]
    public async Task The_stylesheet_is_cached_by_its_digest()
    {
        await using var server = await DashboardServer.StartAsync();
        var html = await server.Client.GetStringAsync("/");
        var href = StylesheetLink().Match(html).Groups[1].Value;
        StringAssert.StartsWith(href, "/dashboard.css?v=");

        using var response = await server.Client.GetAsync(href);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.IsTrue(response.Headers.CacheControl!.Public);
        Assert.AreEqual(TimeSpan.FromDays(365), response.Headers.CacheControl.MaxAge);
        StringAssert.Contains((await response.Content.ReadAsStringAsync()), ".c-other");

        using var again = new HttpRequestMessage(HttpMethod.Get, href);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await server.Client.SendAsync(again);
        Assert.AreEqual(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [TestMethod]
    [DataRow("window=year", "window", "must be &quot;day&quot;, &quot;week&quot; or &quot;month&quot;", "year")]
    [DataRow("breakdown=colour", "breakdown", "must be &quot;version&quot;, &quot;variant&quot;, &quot;stream&quot;, &quot;platform&quot;, &quot;age&quot;", "colour")]
    [DataRow("from=2026-02-30", "from", "must be a date written YYYY-MM-DD", "2026-02-30")]
    [DataRow("to=yesterday", "to", "must be a date written YYYY-MM-DD", "yesterday")]
    [DataRow("from=2026-11-20&to=2026-11-01", "from", "must not be after &quot;to&quot;", "2026-11-20")]
    [DataRow("from=2027-01-04", "from", "must not be after the current window", "2027-01-04")]
    [DataRow("window=day&from=2020-01-01", "from", "the range spans 2523 windows and at most 400 are shown", "2020-01-01")]
    public async Task A_bad_parameter_gets_400_naming_it_without_repeating_its_value(string query, string parameter, string problem, string value)
    {
        await using var server = await DashboardServer.StartAsync();
        using var response = await server.Client.GetAsync("/?" + query);
        var html = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual("text/html", response.Content.Headers.ContentType!.MediaType);
        StringAssert.Contains(html, $"<code>{parameter}</code>: {problem}");
        StringAssert.Contains(html, "<a href=\"/\">Show the default view</a>");
        Assert.IsFalse(html.Contains(value, StringComparison.Ordinal), "the refused value is not echoed");
        Assert.IsTrue(response.Headers.Contains("Content-Security-Policy"));
    }

    [TestMethod]
    public async Task An_empty_database_gets_a_friendly_empty_state()
    {
        await using var server = await DashboardServer.StartAsync();
        using var response = await server.Client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        StringAssert.Contains(html, "<h2 id=\"empty-h\">Nothing to show yet</h2>");
        StringAssert.Contains(html, "pinger-server import-totals FILE");
        Assert.IsFalse(html.Contains("data-chart=", StringComparison.Ordinal), "no empty chart is drawn");
        StringAssert.Contains(html, "id=\"collected\"", "what is collected is explained all the same");
    }

    [TestMethod]
    public async Task Values_from_storage_and_imported_files_are_escaped()
    {
        const string hostile = "<script>alert(\"x\")</script>&'";
        await using var server = await DashboardServer.StartAsync(store =>
        {
            var system = new SystemTuple("fedora", "41", "coreos", "x86_64", "4", "aws");
            Seed.Values(store, new CountingWindow(WindowKind.Week, KnownCounts.Week2), 6, system,
                new CountedValue("os-versions.version_id", "41"), new CountedValue("os-versions.version", hostile));
            Seed.Countme(store, KnownCounts.Week2, (hostile, "41", "4", "updates", 50));
        });
        var html = await server.Client.GetStringAsync("/");

        Assert.IsFalse(html.Contains("<script", StringComparison.Ordinal), "a value came through unescaped");
        Assert.IsFalse(html.Contains("alert(\"x\")", StringComparison.Ordinal));
        StringAssert.Contains(html, "data-value=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;\"");
        StringAssert.Contains(html, "data-series=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39; 41\"");
    }

    [TestMethod]
    public async Task The_page_shows_exactly_the_released_version_counts_of_its_public_totals_link()
    {
        await using var server = await DashboardServer.StartAsync(KnownCounts.Write);
        var html = await server.Client.GetStringAsync("/?window=week&breakdown=version");

        // The JSON download link is the public query the page was drawn from; a bar adds the released cells of the
        // OS release marginal, never noisy countme-tuple cells.
        var link = WebUtility.HtmlDecode(JsonLink().Match(html).Groups[1].Value);
        var totals = JsonNode.Parse(await server.Client.GetStringAsync(link))!.AsObject();
        var published = totals["totals"]!.AsArray()
            .Where(c => (string)c!["field"]! == "os-versions.version_id")
            .GroupBy(c => (string)c!["start"]!)
            .ToDictionary(g => g.Key, g => g.Sum(c => (long)c!["count"]!));

        var start = html.IndexOf("data-chart=\"reports-chart\"", StringComparison.Ordinal);
        var chart = html[start..html.IndexOf("</svg>", start, StringComparison.Ordinal)];
        var shown = WindowBars().Matches(chart).Where(m => m.Groups[2].Value != "0")
            .ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        CollectionAssert.AreEquivalent(published.ToArray(), shown.ToArray());
        Assert.AreEqual(2, shown.Count, "two ended weeks; the open one is not published");
    }

    [TestMethod]
    public async Task By_default_the_countme_chart_shows_the_latest_weeks_with_totals_and_marks_the_gaps()
    {
        await using var server = await DashboardServer.StartAsync(store =>
        {
            Seed.Countme(store, new DateOnly(2021, 1, 4), ("Fedora", "33", "4", "updates-released-f33", 40));
            Seed.Countme(store, new DateOnly(2021, 1, 11), ("Fedora", "33", "4", "updates-released-f33", 45));
            Seed.Countme(store, KnownCounts.Week2, ("Fedora", "43", "1", "updates-released-f43", 9));
            Seed.Countme(store, KnownCounts.Week3, ("Fedora", "43", "1", "updates-released-f43", 7));
        });
        var html = await server.Client.GetStringAsync("/");

        // The current week is incomplete: countme totals are published for complete weeks only.
        StringAssert.Contains(html, "Shown: the latest 3 weeks with totals, from 2021-01-04 to 2026-11-16");
        StringAssert.Contains(html, "<g data-window=\"2021-01-04\" data-count=\"40\">");
        StringAssert.Contains(html, "<g data-window=\"2021-01-11\" data-count=\"45\">");
        StringAssert.Contains(html, "<g data-window=\"2026-11-16\" data-count=\"9\">");
        Assert.IsFalse(html.Contains("data-window=\"2026-11-23\"", StringComparison.Ordinal), "the open week's countme totals are not shown");
        Assert.AreEqual(1, Regex.Matches(html, "<line class=\"gap\"").Count, "one gap, between 2021-01-11 and 2026-11-16");
        StringAssert.Contains(html, "<text class=\"gap\"", "the gap is labelled on the chart");
        StringAssert.Contains(html, ">6 years left out</text>", "303 weeks, from 2021-01-18 to 2026-11-09");
        StringAssert.Contains(html, "data-gap-from=\"2021-01-18\" data-gap-to=\"2026-11-16\">Between 2021-01-11 and 2026-11-16 the axis skips 6 years without data");
        StringAssert.Contains(html, "from 2021-01-04 to 2026-11-16 that has data.");
    }

    [TestMethod]
    public async Task A_chosen_range_without_countme_rows_shows_none()
    {
        var old = new DateOnly(2021, 1, 4);
        await using var server = await DashboardServer.StartAsync(store => Seed.Countme(store, old, ("Fedora", "33", "4", "updates-released-f33", 40)));

        // A range the visitor chose is kept as it is.
        var chosen = await server.Client.GetStringAsync("/?from=2026-11-02");
        StringAssert.Contains(chosen, "Nothing to show yet");
        Assert.IsFalse(chosen.Contains("data-window=\"2021-01-04\"", StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task The_field_registry_is_explained_with_the_opt_out()
    {
        await using var server = await DashboardServer.StartAsync();
        var html = await server.Client.GetStringAsync("/");

        StringAssert.Contains(html, "<summary><code>os-versions</code>: OS versions.</summary>");
        StringAssert.Contains(html, "<dt><code>version_id</code> <span class=\"level\">minimal</span></dt><dd>Version id.</dd>");
        StringAssert.Contains(html, "<dt><code>features</code> <span class=\"level\">full</span> <span class=\"level\">list</span></dt><dd>CPU features.</dd>");
        StringAssert.Contains(html, "# /etc/pinger/config.d/90-disable.toml\n[reporting]\nlevel = \"off\"</code></pre>");
    }

    [TestMethod]
    public async Task Switching_the_window_kind_keeps_a_chosen_range_only_while_it_can_be_shown()
    {
        await using var server = await DashboardServer.StartAsync(KnownCounts.Write);

        var year = await server.Client.GetStringAsync("/?window=week&breakdown=age&from=2025-12-01");
        StringAssert.Contains(year, "<a href=\"/?window=day&amp;breakdown=age&amp;from=2025-12-01&amp;to=2026-11-23\">Daily</a>");

        // 104 weeks are 728 days, more than a chart shows: the daily link falls back to the daily default.
        var twoYears = await server.Client.GetStringAsync("/?window=week&breakdown=age&from=2024-12-02");
        StringAssert.Contains(twoYears, "<a href=\"/?window=day&amp;breakdown=age\">Daily</a>");
        StringAssert.Contains(twoYears, "<a href=\"/?window=month&amp;breakdown=age&amp;from=2024-12-02&amp;to=2026-11-23\">Monthly</a>");
        using var daily = await server.Client.GetAsync("/?window=day&breakdown=age");
        Assert.AreEqual(HttpStatusCode.OK, daily.StatusCode);
    }

    [TestMethod]
    public void Default_ranges_end_at_the_current_window()
    {
        var today = new DateOnly(2026, 11, 27);
        var (week, _) = WindowRange.Resolve(new DashboardQuery(WindowKind.Week, Breakdown.Version, null, null), today);
        Assert.AreEqual(new DateOnly(2026, 11, 23), week!.To);
        Assert.AreEqual(52, week.Windows.Count);
        var (month, _) = WindowRange.Resolve(new DashboardQuery(WindowKind.Month, Breakdown.Version, null, new DateOnly(2030, 1, 1)), today);
        Assert.AreEqual(new DateOnly(2026, 11, 1), month!.To, "a later end is cut at the current window");
        Assert.AreEqual(new DateOnly(2024, 12, 1), month.From);
    }

    [GeneratedRegex(@"<link rel=""stylesheet"" href=""([^""]+)"">")]
    private static partial Regex StylesheetLink();

    [GeneratedRegex(@"<a href=""(/v1/totals\?[^""]+)"">JSON</a>")]
    private static partial Regex JsonLink();

    [GeneratedRegex(@"<g data-window=""([0-9-]+)"" data-count=""([0-9]+)""")]
    private static partial Regex WindowBars();
}
