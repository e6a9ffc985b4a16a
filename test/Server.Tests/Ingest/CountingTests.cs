using System.Net;
using System.Text.Json.Nodes;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Ingest;

[TestClass]
public sealed class CountingTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task A_retry_with_the_same_nonce_is_counted_once_in_each_window()
    {
        await using var server = await TestServer.StartAsync();
        var nonce = ReportJson.NewNonce();

        using var first = await server.PostReportAsync(ReportJson.Minimal(nonce));
        using var retry = await server.PostReportAsync(ReportJson.Minimal(nonce));

        Assert.AreEqual(HttpStatusCode.NoContent, first.StatusCode);
        Assert.AreEqual(HttpStatusCode.NoContent, retry.StatusCode, "a retry is acknowledged, so the client stops retrying");
        var totals = await Totals.AdminAsync(server.Client);
        foreach (var window in new[] { "day", "week", "month" })
        {
            Assert.AreEqual(1, Totals.Reports(totals, window), window);
            Assert.AreEqual(1, Totals.Cell(totals, window, "platform.id", "aws"), window);
        }
    }

    [TestMethod]
    public async Task Concurrent_retries_in_one_batch_are_counted_once()
    {
        await using var server = await TestServer.StartAsync();
        var nonce = ReportJson.NewNonce();
        var body = ReportJson.Minimal(nonce);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => server.PostReportAsync(body)));

        Assert.IsTrue(responses.All(r => r.StatusCode == HttpStatusCode.NoContent));
        Assert.AreEqual(1, Totals.Reports(await Totals.AdminAsync(server.Client), "week"));
    }

    [TestMethod]
    public async Task A_nonce_reused_for_a_window_the_first_report_did_not_name_is_counted_there()
    {
        await using var server = await TestServer.StartAsync();
        var nonce = ReportJson.NewNonce();

        await server.PostReportAsync(ReportJson.Minimal(nonce, change: r => r["windows"] = new JsonObject { ["week"] = "2026-11-23" }));
        await server.PostReportAsync(ReportJson.Minimal(nonce));

        var totals = await Totals.AdminAsync(server.Client);
        Assert.AreEqual(1, Totals.Reports(totals, "week"));
        Assert.AreEqual(1, Totals.Reports(totals, "day"));
        Assert.AreEqual(1, Totals.Reports(totals, "month"));
    }

    [TestMethod]
    public async Task Two_thousand_reports_from_many_concurrent_clients_are_all_counted_exactly()
    {
        // PINGER_SERVER_TEST_REPORTS scales the run up to measure throughput; the default keeps the suite quick.
        var reports = int.TryParse(Environment.GetEnvironmentVariable("PINGER_SERVER_TEST_REPORTS"), out var n) ? n / 20 * 20 : 2000;
        const int Clients = 40;
        await using var server = await TestServer.StartAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var versions = new[] { "39", "40", "41", "42" };
        var platforms = new[] { "aws", "gcp", "azure", "metal", "qemu" };
        var next = -1;

        // Each client has its own connection, as separate machines would.
        var workers = Enumerable.Range(0, Clients).Select(async _ =>
        {
            using var client = new HttpClient { BaseAddress = server.BaseAddress };
            int i;
            while ((i = Interlocked.Increment(ref next)) < reports)
            {
                var body = ReportJson.Minimal(version: versions[i % versions.Length], platform: platforms[i % platforms.Length]);
                using var response = await client.PostAsync("/v1/reports", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
                Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);
            }
        });
        await Task.WhenAll(workers);
        TestContext.WriteLine($"{reports} reports from {Clients} clients in {clock.Elapsed.TotalSeconds:F2} s: {reports / clock.Elapsed.TotalSeconds:F0} reports/s");

        var totals = await Totals.AdminAsync(server.Client);
        foreach (var window in new[] { "day", "week", "month" })
        {
            Assert.AreEqual(reports, Totals.Reports(totals, window));
            foreach (var version in versions)
            {
                Assert.AreEqual(reports / versions.Length, Totals.Cell(totals, window, "os-versions.version_id", version));
            }

            foreach (var platform in platforms)
            {
                Assert.AreEqual(reports / platforms.Length, Totals.Cell(totals, window, "platform.id", platform));
            }
        }

        var systems = totals["systems"]!.AsArray().Where(s => (string)s!["window"]! == "week").ToArray();
        Assert.AreEqual(reports, systems.Sum(s => (long)s!["count"]!));
        Assert.IsTrue(systems.All(s => (string)s!["os_name"]! == "fedora" && (string)s["sys_age"]! == "3" && (string)s["os_variant"]! == "coreos"));
    }

    [TestMethod]
    public async Task Nonces_of_closed_windows_are_deleted()
    {
        await using var server = await TestServer.StartAsync();
        await server.PostReportAsync(ReportJson.Minimal());

        // Two months later every window of that report is closed; the next commit clears their nonces.
        server.Clock.Now = FixedClock.Friday.AddMonths(2);
        await server.PostReportAsync(ReportJson.Minimal(change: r => r["windows"] = new JsonObject { ["day"] = "2027-01-27" }));
        await server.StopAsync();

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(server.StateDirectory, "pinger-server.sqlite")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind || ' ' || start FROM window_nonces";
        using var reader = command.ExecuteReader();
        var left = new List<string>();
        while (reader.Read())
        {
            left.Add(reader.GetString(0));
        }

        CollectionAssert.AreEqual(new[] { "day 2027-01-27" }, left);
    }
}
