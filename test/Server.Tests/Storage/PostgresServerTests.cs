using System.Net;
using System.Text;
using Pinger.Server.Storage;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Storage;

[TestClass]
public sealed class PostgresServerTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Two_thousand_concurrent_reports_are_counted_exactly_in_PostgreSQL()
    {
        const int Reports = 2000;
        var database = PostgresCluster.Get().CreateDatabase();
        await using var server = await TestServer.StartAsync(store: _ => new PostgresCounterStore(database));
        var next = -1;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var workers = Enumerable.Range(0, 40).Select(async _ =>
        {
            using var client = new HttpClient { BaseAddress = server.BaseAddress };
            int i;
            while ((i = Interlocked.Increment(ref next)) < Reports)
            {
                // Reports go in pairs sharing a nonce, as a report and its retry: each pair is counted once.
                var body = ReportJson.Minimal(nonce: "r" + (i / 2).ToString("D20", System.Globalization.CultureInfo.InvariantCulture) + "A");
                using var response = await client.PostAsync("/v1/reports", new StringContent(body, Encoding.UTF8, "application/json"));
                Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);
            }
        });
        await Task.WhenAll(workers);
        TestContext.WriteLine($"{Reports} reports in {clock.Elapsed.TotalSeconds:F2} s: {Reports / clock.Elapsed.TotalSeconds:F0} reports/s");

        var totals = await Totals.AdminAsync(server.Client);
        Assert.AreEqual(Reports / 2, Totals.Reports(totals, "week"));
        Assert.AreEqual(Reports / 2, Totals.Cell(totals, "month", "platform.id", "aws"));
    }

    [TestMethod]
    public async Task When_PostgreSQL_refuses_connections_reports_get_503_and_counting_resumes_after()
    {
        var cluster = PostgresCluster.Get();
        var database = cluster.CreateDatabase();
        var name = new Npgsql.NpgsqlConnectionStringBuilder(database).Database!;
        await using var server = await TestServer.StartAsync(store: _ => new PostgresCounterStore(database));
        Assert.AreEqual(HttpStatusCode.NoContent, (await server.PostReportAsync(ReportJson.Minimal())).StatusCode);

        cluster.Execute($"ALTER DATABASE {name} ALLOW_CONNECTIONS false");
        cluster.Execute($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
        using var refused = await server.PostReportAsync(ReportJson.Minimal());
        using var notReady = await server.Client.GetAsync("/readyz");
        cluster.Execute($"ALTER DATABASE {name} ALLOW_CONNECTIONS true");
        using var accepted = await server.PostReportAsync(ReportJson.Minimal());

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.IsNotNull(refused.Headers.RetryAfter);
        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.AreEqual(HttpStatusCode.NoContent, accepted.StatusCode);
        Assert.AreEqual(2, Totals.Reports(await Totals.AdminAsync(server.Client), "week"));
    }
}
