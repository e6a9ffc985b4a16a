using Npgsql;
using Pinger.EndToEnd.Tests.Infrastructure;

namespace Pinger.EndToEnd.Tests;

/// <summary>
/// Two published <c>pinger-server</c> instances sharing one PostgreSQL database, as docs/server.md runs several behind
/// a load balancer: both start together on an empty database (the schema is migrated once, under an advisory lock),
/// reports sent by the published <c>pinger</c> to either are counted once in the shared counters, and a report whose
/// answer one instance gave and the client lost is counted once when the next run resends it to the other.
/// Without PostgreSQL these tests fail, with the command that installs it.
/// </summary>
[TestClass]
public sealed class PostgresEndToEndTests
{
    [TestMethod]
    public async Task Two_servers_started_together_on_an_empty_database_both_come_up_and_migrate_it_once()
    {
        var database = PostgresCluster.Get().CreateDatabase();
        using var first = new ServerDirectory(database);
        using var second = new ServerDirectory(database);

        // The test creates the migrations' first table in a transaction it holds open, so both servers reach the
        // migration and wait there together; it then rolls back and both go on at once: only the migration lock
        // keeps them from creating the schema twice.
        await using var holder = new NpgsqlConnection(database);
        await holder.OpenAsync();
        var hold = await holder.BeginTransactionAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE schema_version (version integer NOT NULL)", holder, hold))
        {
            await create.ExecuteNonQueryAsync();
        }

        var starting = new[] { RunningServer.StartAsync(first), RunningServer.StartAsync(second) };
        await SessionsWaitingOnLocksAsync(database, 2);
        await hold.RollbackAsync();
        var servers = await Task.WhenAll(starting);
        await using var one = servers[0];
        await using var two = servers[1];

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var versions = new NpgsqlCommand("SELECT version FROM schema_version", connection);
        var rows = new List<int>();
        await using (var reader = await versions.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetInt32(0));
            }
        }

        Assert.HasCount(1, rows, "one schema version row: the migration ran once");
        foreach (var server in servers)
        {
            Assert.AreEqual(0, (await AdminTotals.ReadAsync(server.BaseAddress)).Reports("week"), server.Log);
        }
    }

    // PostgreSQL offers no notification of a session starting to wait, so its activity view is read until it
    // shows them; the bound is a hang guard only.
    private static async Task SessionsWaitingOnLocksAsync(string database, int sessions)
    {
        var name = new NpgsqlConnectionStringBuilder(database).Database!;
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = @name AND wait_event_type = 'Lock'", connection);
        waiting.Parameters.AddWithValue("name", name);
        await using var pause = new NpgsqlCommand("SELECT pg_sleep(0.05)", connection);
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while ((long)(await waiting.ExecuteScalarAsync(guard.Token))! < sessions)
        {
            await pause.ExecuteNonQueryAsync(guard.Token);
        }
    }

    [TestMethod]
    public async Task Reports_sent_to_either_instance_are_counted_once_in_the_shared_database()
    {
        var database = PostgresCluster.Get().CreateDatabase();
        using var firstDirectory = new ServerDirectory(database);
        using var secondDirectory = new ServerDirectory(database);
        await using var first = await RunningServer.StartAsync(firstDirectory);
        await using var second = await RunningServer.StartAsync(secondDirectory);
        string[] roots = ["fcos-aws", "fcos-azure", "fcos-gcp", "debian", "aws-vm"];

        for (var i = 0; i < roots.Length; i++)
        {
            using var machine = new ClientMachine(PublishedTree.FixtureRoot(roots[i]), (i % 2 == 0 ? first : second).BaseAddress);
            var run = await machine.RunAsync();
            Assert.IsTrue(run.Accepted, $"{roots[i]}: {run}");
        }

        foreach (var server in new[] { first, second })
        {
            var totals = await AdminTotals.ReadAsync(server.BaseAddress);
            foreach (var kind in new[] { "day", "week", "month" })
            {
                Assert.AreEqual(roots.Length, totals.Reports(kind), $"{kind}, read from {server.BaseAddress}\n{totals}");
            }

            Assert.AreEqual(1, totals.Cell("week", "platform.id", "azure"), totals.ToString());
        }
    }

    [TestMethod]
    public async Task A_report_answered_by_one_instance_and_lost_is_resent_to_the_other_and_counted_once()
    {
        var database = PostgresCluster.Get().CreateDatabase();
        using var firstDirectory = new ServerDirectory(database);
        using var secondDirectory = new ServerDirectory(database);
        await using var first = await RunningServer.StartAsync(firstDirectory);
        await using var second = await RunningServer.StartAsync(secondDirectory);
        using var proxy = new AnswerDroppingProxy(first.BaseAddress, dropAnswers: int.MaxValue);
        using var machine = new ClientMachine(PublishedTree.FixtureRoot("fcos-aws"), proxy.Url);

        var lost = await machine.RunAsync();
        machine.ReportTo(second.BaseAddress);
        var resent = await machine.RunAsync();

        Assert.IsFalse(lost.Accepted, lost.ToString());
        Assert.IsGreaterThanOrEqualTo(1, proxy.Dropped, "the first instance answered and the answer was lost: " + lost);
        Assert.IsTrue(resent.Accepted, resent.ToString());
        var totals = await AdminTotals.ReadAsync(second.BaseAddress);
        foreach (var kind in new[] { "day", "week", "month" })
        {
            Assert.AreEqual(1, totals.Reports(kind), $"{kind}: {proxy.Dropped + 1} deliveries to two instances count once\n{totals}");
        }
    }

    [ClassCleanup]
    public static void StopPostgres() => PostgresCluster.StopShared();
}
