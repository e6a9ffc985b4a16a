using System.Diagnostics;
using System.Net;
using Npgsql;
using Pinger.Server.Campaigns.Tests.Infrastructure;

namespace Pinger.Server.Campaigns.Tests.StorageFaults;

/// <summary>
/// Storage that breaks under a running server: a full disk, a database file or state directory that turns
/// read-only, PostgreSQL stopped mid-load. While it is broken reports get 503 with Retry-After (never another 5xx);
/// when it is back the server counts again by itself, without a restart; nothing acknowledged is lost; and once
/// every client has retried, every report sent is counted exactly once.
/// </summary>
[TestClass]
public sealed class StorageFaultCampaignTests
{
    private const int Clients = 8;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task A_full_disk_gets_503_with_Retry_After_and_counting_resumes_when_space_is_freed()
    {
        using var directory = new CampaignDirectory("disk-full");
        using var tmpfs = Mount.Tmpfs(directory.StateDirectory, "8m");
        directory.ConfigureForCounting("[storage]\nmin_free_disk_mb = 1\n");
        var ledger = new ReportLedger();
        var log = new ServerLog();
        using var server = await PublishedServer.StartAsync(directory.Arguments, log);
        await LoadUntilAsync(server, ledger, distinct: true, () => ledger.Acknowledged >= 200, "200 reports acknowledged before the disk fills");

        // Fill what is left, then keep posting reports that each add counter rows.
        var filler = Path.Combine(directory.StateDirectory, "filler");
        var filled = Fill(filler);
        using var readyWhileFull = await Get(server, "/readyz");
        var refusedBefore = ledger.AnswersWith("503");
        await LoadUntilAsync(server, ledger, distinct: true, () => ledger.AnswersWith("503") >= refusedBefore + 50, "50 reports refused with 503 on the full disk");
        var refused = ledger.AnswersWith("503") - refusedBefore;

        File.Delete(filler);
        var recovery = await RecoverAsync(server, ledger, distinct: true);
        using var readyAfter = await Get(server, "/readyz");

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, readyWhileFull.StatusCode, "/readyz while the disk is full");
        Assert.AreEqual(HttpStatusCode.OK, readyAfter.StatusCode, "/readyz once space is freed");
        await FinishAsync("storage fault: disk full (tmpfs 8 MiB)", server, ledger, distinct: true, directory, refused, recovery, $"{filled / 1024} KiB of filler");
    }

    [TestMethod]
    public Task A_database_file_that_turns_read_only_gets_503_and_counting_resumes_when_it_is_writable() =>
        ReadOnlyAsync("storage fault: read-only database file", directory => directory.DatabaseFile, underRunningServer: false);

    [TestMethod]
    public Task A_state_directory_that_turns_read_only_gets_503_and_counting_resumes_when_it_is_writable() =>
        ReadOnlyAsync("storage fault: read-only state directory", directory => directory.StateDirectory, underRunningServer: true);

    [TestMethod]
    public async Task PostgreSQL_stopped_mid_load_gets_503_and_counting_resumes_when_it_is_back()
    {
        var postgres = PostgresCluster.Get();
        var database = postgres.CreateDatabase(maxPoolSize: 20);
        using var directory = new CampaignDirectory("pg-restart");
        directory.ConfigureForCounting($"[storage]\nbackend = \"postgresql\"\npostgresql_connection = \"{database}\"\n");
        var ledger = new ReportLedger();
        using var server = await PublishedServer.StartAsync(directory.Arguments, new ServerLog());

        using var stop = new CancellationTokenSource();
        var load = ReportLoad.RunAsync(server.BaseAddress, ledger, Clients, retryShare: 0.1, distinct: false, stop.Token, seed: 5);
        HttpResponseMessage? readyWhileDown = null;
        TimeSpan recovery;
        int refused;
        try
        {
            await WaitForAsync(ledger, () => ledger.Acknowledged >= 300, "300 reports acknowledged before PostgreSQL stops", load);
            postgres.Stop();
            var refusedBefore = ledger.AnswersWith("503");
            readyWhileDown = await Get(server, "/readyz");
            await WaitForAsync(ledger, () => ledger.AnswersWith("503") >= refusedBefore + 50, "50 reports refused with 503 while PostgreSQL is down", load);
            refused = ledger.AnswersWith("503") - refusedBefore;
            var restarted = Stopwatch.StartNew();
            postgres.Start();
            var acknowledged = ledger.Acknowledged;
            await WaitForAsync(ledger, () => ledger.Acknowledged >= acknowledged + 100, "100 more reports acknowledged once PostgreSQL is back", load);
            recovery = restarted.Elapsed;
        }
        finally
        {
            if (!postgres.Running)
            {
                postgres.Start();
            }

            await stop.CancelAsync();
            await load;
        }

        using (readyWhileDown)
        {
            Assert.AreEqual(HttpStatusCode.ServiceUnavailable, readyWhileDown.StatusCode, "/readyz while PostgreSQL is down");
        }

        await FinishAsync("storage fault: PostgreSQL stopped and started", server, ledger, distinct: false, directory: null, refused, recovery, "pg_ctl stop -m fast");
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        Assert.AreEqual(0, CounterConsistency.Problems(connection).Count, string.Join("; ", CounterConsistency.Problems(connection)));
    }

    private static async Task<HttpResponseMessage> Get(PublishedServer server, string path)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        return await client.GetAsync(new Uri(path, UriKind.Relative));
    }

    // Writes until the file system refuses; the bytes written.
    private static long Fill(string path)
    {
        var chunk = new byte[64 * 1024];
        long written = 0;
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        try
        {
            while (true)
            {
                file.Write(chunk);
                written += chunk.Length;
            }
        }
        catch (IOException)
        {
            // ENOSPC, as wanted; a last partial chunk may have gone in.
        }

        return written;
    }

    private static async Task LoadUntilAsync(PublishedServer server, ReportLedger ledger, bool distinct, Func<bool> done, string what)
    {
        using var stop = new CancellationTokenSource();
        var load = ReportLoad.RunAsync(server.BaseAddress, ledger, Clients, retryShare: 0.1, distinct, stop.Token, seed: ledger.Sent);
        try
        {
            await WaitForAsync(ledger, done, what, load);
        }
        finally
        {
            await stop.CancelAsync();
            await load;
        }
    }

    // The ledger signals each answer it records; the 90 s are a hang guard, not a figure.
    private static async Task WaitForAsync(ReportLedger ledger, Func<bool> done, string what, Task load)
    {
        var reached = ledger.WhenAsync(done);
        try
        {
            await Task.WhenAny(reached, load).WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            Assert.Fail("not reached within 90 s: " + what);
        }

        Assert.IsTrue(reached.IsCompleted, "the load stopped before: " + what);
    }

    // Posts fresh reports until one is acknowledged again; how long that took.
    private static async Task<TimeSpan> RecoverAsync(PublishedServer server, ReportLedger ledger, bool distinct)
    {
        var acknowledged = ledger.Acknowledged;
        var clock = Stopwatch.StartNew();
        await LoadUntilAsync(server, ledger, distinct, () => ledger.Acknowledged >= acknowledged + 100, "100 more reports acknowledged once the storage is back");
        return clock.Elapsed;
    }

    // Files a running server has open keep the access they were opened with, so read-only storage is met as after
    // a remount and a restart: the server starts on it, then it turns writable under the server. A clean stop
    // removes SQLite's -wal and -shm files, and a read-only directory without them cannot be opened at all (the
    // server exits 1, as documented), so the directory turns read-only under the first server, which keeps them.
    private async Task ReadOnlyAsync(string campaign, Func<CampaignDirectory, string> readOnlyPath, bool underRunningServer)
    {
        using var directory = new CampaignDirectory("read-only");
        directory.ConfigureForCounting();
        var ledger = new ReportLedger();
        var log = new ServerLog();
        Mount? mount = null;
        try
        {
            using (var first = await PublishedServer.StartAsync(directory.Arguments, log))
            {
                await LoadUntilAsync(first, ledger, distinct: false, () => ledger.Acknowledged >= 200, "200 reports acknowledged before the storage turns read-only");
                if (underRunningServer)
                {
                    mount = Mount.ReadOnly(readOnlyPath(directory));
                    var answered = ledger.Answers.Values.Sum();
                    await LoadUntilAsync(first, ledger, distinct: false, () => ledger.Answers.Values.Sum() >= answered + 200, "200 answers once the directory is read-only");
                }

                Assert.AreEqual(0, first.Terminate(), "a clean stop before the restart on read-only storage\n" + log.Tail());
            }

            mount ??= Mount.ReadOnly(readOnlyPath(directory));
            using var server = await PublishedServer.StartAsync(directory.Arguments, log);
            var refusedBefore = ledger.AnswersWith("503");
            await LoadUntilAsync(server, ledger, distinct: false, () => ledger.AnswersWith("503") >= refusedBefore + 50, "50 reports refused with 503 on read-only storage");
            var refused = ledger.AnswersWith("503") - refusedBefore;

            mount.Dispose();
            var recovery = await RecoverAsync(server, ledger, distinct: false);
            await FinishAsync(campaign, server, ledger, distinct: false, directory, refused, recovery, "bind mount remounted ro, then lazily unmounted");
        }
        finally
        {
            mount?.Dispose();
        }
    }

    // Every refusal was a 503 with Retry-After; every client retries what it sent: each report is then counted once.
    private async Task FinishAsync(
        string campaign, PublishedServer server, ReportLedger ledger, bool distinct, CampaignDirectory? directory, int refused, TimeSpan recovery, string fault)
    {
        Assert.AreEqual(string.Empty, ledger.Unexpected("503"), "answers other than 204 and 503");
        Assert.AreEqual(0, ledger.UnhintedRetries, "503s without Retry-After");
        var acknowledged = ledger.Acknowledged;
        var countedBefore = await AdminTotals.WeekAsync(server.BaseAddress);
        Assert.IsTrue(acknowledged <= countedBefore && countedBefore <= ledger.Sent, $"acknowledged {acknowledged}, counted {countedBefore}, sent {ledger.Sent}");

        var final = await ReportLoad.RetryAllAsync(server.BaseAddress, ledger, ledger.SentNonces, distinct);
        Assert.AreEqual(ledger.Sent, final.GetValueOrDefault("204"), $"final retries answered {Figures.Distribution(final)}");
        var counted = await AdminTotals.WeekAsync(server.BaseAddress);
        Assert.AreEqual(ledger.Sent, counted, "after every sent report was retried, each must be counted exactly once");
        Assert.AreEqual(0, server.Terminate(), "a clean stop after the fault");
        if (directory is not null)
        {
            using var connection = CounterConsistency.OpenSqlite(directory.DatabaseFile);
            Assert.AreEqual("ok", CounterConsistency.CheckSqlite(connection));
        }

        Figures.Record(TestContext, campaign, "fault", fault);
        Figures.Record(TestContext, campaign, "reports refused with 503 + Retry-After while broken", refused);
        Figures.Record(TestContext, campaign, "seconds until counting again", recovery.TotalSeconds);
        Figures.Record(TestContext, campaign, "answers", Figures.Distribution(ledger.Answers));
        Figures.Record(TestContext, campaign, "acknowledged", acknowledged);
        Figures.Record(TestContext, campaign, "acknowledged reports lost", 0);
        Figures.Record(TestContext, campaign, "sent = counted after retries", counted);
    }
}
