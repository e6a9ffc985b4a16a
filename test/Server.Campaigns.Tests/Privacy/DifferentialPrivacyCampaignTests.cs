using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pinger.Server.Campaigns.Tests.Infrastructure;

namespace Pinger.Server.Campaigns.Tests.Privacy;

/// <summary>
/// The attacks that k-suppression (k = 10) answered exactly, run against the published server with its default
/// ε = 1: injection around a small hidden cell, differencing every pair of public views, diffing the open window
/// around one report, and reading report counts off /metrics. Yesterday's day window has ended but still accepts
/// reports, so the campaigns fill it first and the first public request releases it. Each records what the attacker
/// gets; docs/privacy.md sets it against the gain before.
/// </summary>
[TestClass]
public sealed partial class DifferentialPrivacyCampaignTests
{
    private const string Campaign = "differential-privacy";

    public TestContext TestContext { get; set; } = null!;

    private static string Yesterday => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [TestMethod]
    public async Task Injecting_fake_reports_around_a_small_hidden_cell_reveals_nothing()
    {
        using var directory = new CampaignDirectory("dp-injection");
        directory.ConfigureForCounting();
        using var server = await PublishedServer.StartAsync(directory.Arguments, new ServerLog());
        using var client = ReportLoad.Client(server.BaseAddress);

        // 300 ordinary machines, the 2 hidden ones at (39, gcp), then the attacker's 9 fakes just like them.
        await PostAsync(client, 300, "41", "aws", Yesterday);
        await PostAsync(client, 2, "39", "gcp", Yesterday);
        await PostAsync(client, 9, "39", "gcp", Yesterday);
        var exact = await AdminCellsAsync(server.BaseAddress, Yesterday);
        Assert.AreEqual(11, exact[("os-versions.version_id", "39")], "the admin API counts the hidden and the fake machines exactly");

        var views = await PublicViewsAsync(server.BaseAddress, Yesterday);
        foreach (var (name, text) in views)
        {
            var shown = ShownValues(name, text);
            Assert.IsFalse(shown.Contains("39") || shown.Contains("gcp"), $"{name} shows the injected cell: {text}");
        }

        Assert.IsTrue(ShownValues("JSON totals", views["JSON totals"]).Contains("41"), "the large cell is released: " + views["JSON totals"]);
        Figures.Record(TestContext, Campaign, "injection: 2 hidden + 9 fake (39, gcp), attacker reads", "withheld in every view (11 < τ = 44)");
    }

    [TestMethod]
    public async Task Every_pair_of_public_views_shows_one_kept_release_so_differencing_them_yields_nothing()
    {
        using var directory = new CampaignDirectory("dp-views");
        directory.ConfigureForCounting();
        using var server = await PublishedServer.StartAsync(directory.Arguments, new ServerLog());
        using var client = ReportLoad.Client(server.BaseAddress);
        await PostAsync(client, 300, "41", "aws", Yesterday);
        await PostAsync(client, 150, "40", "gcp", Yesterday);
        await PostAsync(client, 90, "40", "aws", Yesterday);
        await PostAsync(client, 3, "39", "qemu", Yesterday);

        var views = await PublicViewsAsync(server.BaseAddress, Yesterday);
        var json = JsonNode.Parse(views["JSON totals"])!;
        var cells = json["totals"]!.AsArray().Select(c => ((string)c!["field"]!, (string)c["value"]!, (long)c["count"]!)).ToList();
        var systems = json["systems"]!.AsArray().Select(s => string.Join(',', "day", Yesterday, (string)s!["os_name"]!, (string)s["os_version"]!, (string)s["os_variant"]!,
            (string)s["os_arch"]!, (string)s["sys_age"]!, (string)s["platform"]!, ((long)s["count"]!).ToString(CultureInfo.InvariantCulture))).ToList();

        // JSON against CSV, the tuples against systems.csv, the dashboard's bars and shares against the marginals:
        // each pair shows the same numbers, so subtracting one view from another gives 0 and no second noisy draw.
        var reports = json["reports"]!.AsArray().Select(r => ("reports", string.Empty, (long)r!["count"]!));
        var csv = CsvRows(views["CSV totals"]).Select(r => (r[2], r[3], long.Parse(r[4], CultureInfo.InvariantCulture))).ToList();
        CollectionAssert.AreEquivalent(cells.Concat(reports).ToList(), csv, "JSON and CSV totals (the CSV names the report count field \"reports\")");
        CollectionAssert.AreEquivalent(systems, CsvRows(views["systems CSV"]).Select(r => string.Join(',', r)).ToList(), "JSON systems and systems.csv");
        foreach (var (breakdown, field) in new[] { ("version", "os-versions.version_id"), ("platform", "platform.id") })
        {
            var bar = DayBar(views["dashboard " + breakdown], Yesterday);
            Assert.AreEqual(cells.Where(c => c.Item1 == field).Sum(c => c.Item3), bar, $"the dashboard's {breakdown} bar is the sum of the released {field} cells");
            foreach (var (_, value, count) in cells.Where(c => c.Item1 == field))
            {
                // A share row carries the raw value, the label people read, then the count.
                StringAssert.Matches(views["dashboard " + breakdown],
                    new Regex($"data-value=\"{Regex.Escape(value)}\"[^>]*? data-count=\"{count}\""), "the dashboard's share of " + value);
            }
        }

        // Per-field totals minus the tuples recovered a withheld tuple before; now the hidden value is withheld
        // everywhere, and the released cells carry noise: at least one differs from its exact count.
        foreach (var (name, text) in views)
        {
            var shown = ShownValues(name, text);
            Assert.IsFalse(shown.Contains("39") || shown.Contains("qemu"), $"{name} shows the 3 hidden machines");
        }

        // Four or more released cells of scale 8/3 or more are each exact with probability at most 0.19: all of them
        // exact would happen about once in 800 runs at most, and far less with the other fields' larger scales.
        var exact = await AdminCellsAsync(server.BaseAddress, Yesterday);
        var compared = cells.Where(c => exact.ContainsKey((c.Item1, c.Item2))).ToList();
        var differing = compared.Count(c => exact[(c.Item1, c.Item2)] != c.Item3);
        Assert.IsTrue(compared.Count >= 4, "the large cells are released: " + string.Join(", ", cells));
        Assert.IsTrue(differing > 0, "every released cell equals its exact count: " + string.Join(", ", cells));

        // The release is kept: asking again, or after more reports of the window, returns the same bytes.
        await PostAsync(client, 40, "39", "qemu", Yesterday);
        var again = await PublicViewsAsync(server.BaseAddress, Yesterday);
        foreach (var (name, text) in views)
        {
            Assert.AreEqual(text, again[name], name + " changed between two queries of one ended window");
        }

        Figures.Record(TestContext, Campaign, "differencing views: pairs compared", "JSON/CSV totals, JSON/systems.csv, dashboard version and platform bars and shares/marginals");
        Figures.Record(TestContext, Campaign, "differencing views: released cells off their exact count", $"{differing} of {compared.Count}");
    }

    [TestMethod]
    public async Task Diffing_the_open_window_around_one_report_shows_nothing()
    {
        using var directory = new CampaignDirectory("dp-open");
        directory.ConfigureForCounting();
        using var server = await PublishedServer.StartAsync(directory.Arguments, new ServerLog());
        using var client = ReportLoad.Client(server.BaseAddress);
        await PostAsync(client, 50, "41", "aws", Today);

        var paths = new[] { "/v1/totals?window=day", "/v1/totals", "/v1/systems.csv?window=day", "/?window=day" };
        var before = new List<string>();
        foreach (var path in paths)
        {
            before.Add(await client.GetStringAsync(new Uri(path, UriKind.Relative)));
        }

        await PostAsync(client, 1, "39", "metal", Today);
        for (var i = 0; i < paths.Length; i++)
        {
            var after = await client.GetStringAsync(new Uri(paths[i], UriKind.Relative));
            Assert.AreEqual(before[i], after, paths[i] + " changed with one report of the open window");
            Assert.IsFalse(after.Contains(Today, StringComparison.Ordinal) && paths[i].StartsWith("/v1", StringComparison.Ordinal), paths[i] + " shows the open day");
        }

        Assert.AreEqual(1, (await AdminCellsAsync(server.BaseAddress, Today))[("platform.id", "metal")], "the admin API sees the open window");
        Figures.Record(TestContext, Campaign, "open window: public answers changed by one report", 0);
    }

    [TestMethod]
    public async Task Metrics_carry_no_report_count_and_can_be_kept_off_the_public_listener()
    {
        using var directory = new CampaignDirectory("dp-metrics");
        var port = FreePort();
        directory.ConfigureForCounting($"[metrics]\nlisten = \"http://127.0.0.1:{port}\"\n");
        using var server = await PublishedServer.StartAsync(directory.Arguments, new ServerLog());
        using var client = ReportLoad.Client(server.BaseAddress);
        using var metrics = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using (var onPublic = await client.GetAsync(new Uri("/metrics", UriKind.Relative)))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, onPublic.StatusCode, "the public listener does not serve /metrics");
        }

        await PostAsync(client, 3, "39", "gcp", Today);
        var text = await metrics.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        StringAssert.Contains(text, "pinger_server_http_requests_total", "the loopback listener serves the metrics");
        var families = MetricFamily().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.IsFalse(families.Any(f => f.Contains("report", StringComparison.Ordinal) || f.Contains("window", StringComparison.Ordinal) || f.Contains("countme", StringComparison.Ordinal)),
            "a family counts reports, windows or countme hits: " + string.Join(", ", families));
        Assert.IsFalse(text.Contains("pinger_server_report_windows_counted_total", StringComparison.Ordinal));
        Figures.Record(TestContext, Campaign, "/metrics: report-count series", 0);
        Figures.Record(TestContext, Campaign, "/metrics on the public listener", "404 ([metrics] listen on loopback)");
    }

    private static async Task PostAsync(HttpClient client, int machines, string versionId, string platform, string day)
    {
        for (var i = 0; i < machines; i++)
        {
            using var response = await ReportLoad.PostAsync(client, ReportBodies.Valid(ReportBodies.NewNonce(), versionId: versionId, platform: platform, day: day), CancellationToken.None);
            Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    // Every public view of one day window, as text.
    private static async Task<Dictionary<string, string>> PublicViewsAsync(Uri server, string day)
    {
        using var client = new HttpClient { BaseAddress = server };
        var range = $"window=day&from={day}&to={day}";
        var views = new Dictionary<string, string>();
        foreach (var (name, path) in new[]
        {
            ("JSON totals", "/v1/totals?" + range), ("CSV totals", "/v1/totals.csv?" + range), ("systems CSV", "/v1/systems.csv?" + range),
            ("countme totals", "/v1/countme/totals.csv"), ("dashboard version", $"/?{range}&breakdown=version"), ("dashboard platform", $"/?{range}&breakdown=platform"),
        })
        {
            views[name] = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        }

        return views;
    }

    private static async Task<Dictionary<(string Field, string Value), long>> AdminCellsAsync(Uri server, string day)
    {
        using var client = new HttpClient { BaseAddress = server };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CampaignDirectory.AdminToken);
        var json = JsonNode.Parse(await client.GetStringAsync(new Uri($"/v1/admin/totals?window=day&from={day}&to={day}", UriKind.Relative)))!;
        return json["totals"]!.AsArray().ToDictionary(c => ((string)c!["field"]!, (string)c["value"]!), c => (long)c!["count"]!);
    }

    private static List<string[]> CsvRows(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();

    private static long DayBar(string html, string day) =>
        Regex.Match(html, $"<g data-window=\"{day}\" data-count=\"([0-9]+)\"") is { Success: true } match ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    // The values a view names (never its counts): JSON values and tuple parts, CSV value columns, the dashboard's
    // series and share rows.
    private static HashSet<string> ShownValues(string view, string text)
    {
        IEnumerable<string> values = view switch
        {
            "JSON totals" => JsonValue().Matches(text).Select(m => m.Groups[1].Value),
            "CSV totals" => CsvRows(text).Select(r => r[3]),
            "systems CSV" => CsvRows(text).SelectMany(r => new[] { r[3], r[7] }),
            "countme totals" => CsvRows(text).SelectMany(r => r.SkipLast(1)),
            _ => DashboardValue().Matches(text).Select(m => m.Groups[1].Value),
        };
        return values.ToHashSet(StringComparer.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"""(?:value|os_version|platform)"":""([^""]*)""")]
    private static partial Regex JsonValue();

    [GeneratedRegex(@"data-(?:value|series)=""([^""]*)""")]
    private static partial Regex DashboardValue();

    [GeneratedRegex(@"^# TYPE (\S+)", RegexOptions.Multiline)]
    private static partial Regex MetricFamily();
}
