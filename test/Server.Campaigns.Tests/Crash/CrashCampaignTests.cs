using System.Data.Common;
using System.Diagnostics;
using Npgsql;
using Pinger.Server.Campaigns.Tests.Infrastructure;

namespace Pinger.Server.Campaigns.Tests.Crash;

/// <summary>
/// kill -9 at random moments while eight clients post reports (fresh nonces, and one in ten a retry of an earlier
/// one), then a restart on the same storage. After every kill: every acknowledged report is stored, nothing is
/// stored that was not sent, the counters agree with each other (and SQLite passes integrity_check), and retries of
/// acknowledged reports are not counted again. At the end every client retries everything it sent: each report is
/// then counted exactly once.
/// </summary>
[TestClass]
public sealed class CrashCampaignTests
{
    private const int Clients = 8;
    private const double RetryShare = 0.1;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Kill_9_under_load_on_SQLite_loses_no_acknowledged_report_and_counts_none_twice()
    {
        using var directory = new CampaignDirectory("crash-sqlite");
        directory.ConfigureForCounting();
        await RunAsync("crash, SQLite", directory, () => CounterConsistency.OpenSqlite(directory.DatabaseFile));
    }

    [TestMethod]
    public async Task Kill_9_under_load_on_PostgreSQL_loses_no_acknowledged_report_and_counts_none_twice()
    {
        var database = PostgresCluster.Get().CreateDatabase(maxPoolSize: 20);
        using var directory = new CampaignDirectory("crash-pg");
        directory.ConfigureForCounting($"[storage]\nbackend = \"postgresql\"\npostgresql_connection = \"{database}\"\n");
        await RunAsync("crash, PostgreSQL", directory, () =>
        {
            var connection = new NpgsqlConnection(database);
            connection.Open();
            return connection;
        });
    }

    private async Task RunAsync(string campaign, CampaignDirectory directory, Func<DbConnection> open)
    {
        var points = CampaignSize.Pick(ci: 15, full: 200);
        var random = new Random(20261127 + campaign.Length);
        var ledger = new ReportLedger();
        var log = new ServerLog();
        var clock = Stopwatch.StartNew();
        var (retriesRepeated, killedMidLoad) = (0, 0);
        var server = await PublishedServer.StartAsync(directory.Arguments, log);
        try
        {
            for (var point = 1; point <= points; point++)
            {
                // Load until this run has been acknowledged at least once, then kill at a random moment.
                var acknowledgedBefore = ledger.Acknowledged;
                using var stop = new CancellationTokenSource();
                var load = ReportLoad.RunAsync(server.BaseAddress, ledger, Clients, RetryShare, distinct: false, stop.Token, seed: point);
                // The ledger signals each answer; the minute is a hang guard.
                var acknowledged = ledger.WhenAsync(() => ledger.Acknowledged > acknowledgedBefore);
                await Task.WhenAny(Task.WhenAny(acknowledged, load), Task.Delay(TimeSpan.FromMinutes(1)));

                Assert.IsTrue(ledger.Acknowledged > acknowledgedBefore, $"kill point {point}: no report was acknowledged within 60 s\n{log.Tail()}");
                await Task.Delay(random.Next(0, 800));
                var cutBefore = ledger.AnswersWith("no answer");
                server.Kill();
                await stop.CancelAsync();
                await load;
                killedMidLoad += ledger.AnswersWith("no answer") > cutBefore ? 1 : 0;
                server.Dispose();
                server = await PublishedServer.StartAsync(directory.Arguments, log);
                var counted = await AdminTotals.WeekAsync(server.BaseAddress);
                Assert.IsTrue(ledger.Acknowledged <= counted && counted <= ledger.Sent,
                    $"kill point {point}: acknowledged {ledger.Acknowledged}, counted {counted}, sent {ledger.Sent}");
                CheckStored(campaign, point, ledger, open);

                // Clients whose answer was lost retry: reports already counted are not counted again.
                var repeated = ledger.AcknowledgedNonces.OrderBy(_ => random.Next()).Take(10).ToArray();
                var answers = await ReportLoad.RetryAllAsync(server.BaseAddress, ledger, repeated, distinct: false);
                Assert.AreEqual(repeated.Length, answers.GetValueOrDefault("204"), $"kill point {point}: retries answered {Figures.Distribution(answers)}");
                Assert.AreEqual(counted, await AdminTotals.WeekAsync(server.BaseAddress), $"kill point {point}: retries of acknowledged reports were counted again");
                retriesRepeated += repeated.Length;
            }

            var acknowledgedBeforeFinal = ledger.Acknowledged;
            var final = await ReportLoad.RetryAllAsync(server.BaseAddress, ledger, ledger.SentNonces, distinct: false);
            Assert.AreEqual(ledger.Sent, final.GetValueOrDefault("204"), $"final retries answered {Figures.Distribution(final)}");
            var total = await AdminTotals.WeekAsync(server.BaseAddress);
            Assert.AreEqual(ledger.Sent, total, "after every sent report was retried, each must be counted exactly once");
            Assert.AreEqual(0, server.Terminate(), "a clean stop after the campaign");
            using (var connection = open())
            {
                Assert.AreEqual(0, CounterConsistency.Problems(connection).Count, string.Join("; ", CounterConsistency.Problems(connection)));
            }

            Figures.Record(TestContext, campaign, "kill -9 points", points);
            Figures.Record(TestContext, campaign, "kills with requests in flight", killedMidLoad);
            Figures.Record(TestContext, campaign, "reports sent (distinct nonces)", ledger.Sent);
            Figures.Record(TestContext, campaign, "acknowledged before the final retry", acknowledgedBeforeFinal);
            Figures.Record(TestContext, campaign, "acknowledged reports lost", 0);
            Figures.Record(TestContext, campaign, "reports counted twice", 0);
            Figures.Record(TestContext, campaign, "retries of acknowledged reports after restarts", retriesRepeated);
            Figures.Record(TestContext, campaign, "counted after every report was retried", total);
            Figures.Record(TestContext, campaign, "answers during load", Figures.Distribution(ledger.Answers));
            Figures.Record(TestContext, campaign, "minutes", clock.Elapsed.TotalMinutes);
        }
        finally
        {
            server.Dispose();
        }
    }

    // The stored nonces, read straight from the database once the restarted server has recovered it (SQLite: its
    // WAL): each acknowledged report is there, nothing unsent is, the counters agree with the nonces, and SQLite
    // passes integrity_check.
    private static void CheckStored(string campaign, int point, ReportLedger ledger, Func<DbConnection> open)
    {
        using var connection = open();
        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            Assert.AreEqual("ok", CounterConsistency.CheckSqlite(sqlite), $"{campaign}, kill point {point}");
        }
        else
        {
            var problems = CounterConsistency.Problems(connection);
            Assert.AreEqual(0, problems.Count, $"{campaign}, kill point {point}: {string.Join("; ", problems)}");
        }

        var stored = CounterConsistency.WeekNonces(connection);
        var lost = ledger.AcknowledgedNonces.Count(n => !stored.Contains(n));
        var sent = ledger.SentNonces.ToHashSet();
        var phantom = stored.Count(n => !sent.Contains(n));
        Assert.AreEqual(0, lost, $"{campaign}, kill point {point}: acknowledged reports missing after kill -9");
        Assert.AreEqual(0, phantom, $"{campaign}, kill point {point}: stored nonces that were never sent");
    }
}
