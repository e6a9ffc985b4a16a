using Pinger.EndToEnd.Tests.Infrastructure;

namespace Pinger.EndToEnd.Tests;

/// <summary>
/// The published <c>pinger run</c> against the published <c>pinger-server</c> on SQLite: the server accepts the report
/// of every fixture root at every level a golden report exists for, counts each once and every field value the
/// report carries, and counts a report whose answer was lost once, however often the client resends it.
/// </summary>
[TestClass]
public sealed class SqliteEndToEndTests
{
    [TestMethod]
    public async Task Every_fixture_root_report_is_accepted_and_counted_with_its_field_values()
    {
        using var directory = new ServerDirectory();
        await using var server = await RunningServer.StartAsync(directory);
        var golden = GoldenReports.All();
        Assert.IsGreaterThanOrEqualTo(10, golden.Count, "the golden reports were not found in " + GoldenReports.Directory);

        var problems = new List<string>();
        using var slots = new SemaphoreSlim(4);
        var runs = golden.Select(async pair =>
        {
            await slots.WaitAsync();
            try
            {
                using var machine = new ClientMachine(PublishedTree.FixtureRoot(pair.Root), server.BaseAddress, pair.Level);
                var run = await machine.RunAsync();
                // 4: a probe found nothing to read in a sparse root; the rest of the report is sent.
                if (run.ExitCode is not (0 or 4) || !run.Accepted)
                {
                    lock (problems)
                    {
                        problems.Add($"{pair.Root} at {pair.Level}: {run}");
                    }
                }
            }
            finally
            {
                slots.Release();
            }
        });
        await Task.WhenAll(runs);
        Assert.IsEmpty(problems, "the real server did not accept every fixture root's report:\n" + string.Join("\n\n", problems) + "\n--- server ---\n" + server.Log);

        var totals = await AdminTotals.ReadAsync(server.BaseAddress);
        foreach (var kind in new[] { "day", "week", "month" })
        {
            Assert.AreEqual(golden.Count, totals.Reports(kind), $"{kind} windows: one report per run\n{totals}");
        }

        // Each field value of each golden report counted at least once (several roots may share a value).
        var expected = golden.SelectMany(p => GoldenReports.ScalarFields(p.Root, p.Level))
            .GroupBy(f => f)
            .Select(g => (g.Key.Field, g.Key.Value, Reports: g.Count()))
            .ToList();
        var missing = expected.Where(e => totals.Cell("week", e.Field, e.Value) < e.Reports).Select(e => $"{e.Field} = {e.Value} (in {e.Reports} golden reports)").ToList();
        Assert.IsEmpty(missing, "values of the golden reports the server did not count:\n" + string.Join("\n", missing) + $"\n{totals}");
    }

    [TestMethod]
    public async Task A_report_whose_answer_was_lost_is_retried_and_counted_once()
    {
        using var directory = new ServerDirectory();
        await using var server = await RunningServer.StartAsync(directory);
        using var proxy = new AnswerDroppingProxy(server.BaseAddress, dropAnswers: 1);
        using var machine = new ClientMachine(PublishedTree.FixtureRoot("fcos-aws"), proxy.Url);

        var run = await machine.RunAsync();

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.AreEqual(1, proxy.Dropped, "the server answered the first attempt and the proxy dropped the answer");
        Assert.IsTrue(run.Accepted, "the retry within the run was answered: " + run);
        Assert.AreEqual(2, proxy.Connections, "one retry after the lost answer");
        var totals = await AdminTotals.ReadAsync(server.BaseAddress);
        foreach (var kind in new[] { "day", "week", "month" })
        {
            Assert.AreEqual(1, totals.Reports(kind), $"{kind}: the report reached the server twice and counts once\n{totals}");
        }

        Assert.AreEqual(1, totals.Cell("week", "platform.id", "aws"), totals.ToString());
    }

    [TestMethod]
    public async Task A_report_whose_answers_were_all_lost_in_one_run_is_resent_by_the_next_run_and_counted_once()
    {
        using var directory = new ServerDirectory();
        await using var server = await RunningServer.StartAsync(directory);
        using var proxy = new AnswerDroppingProxy(server.BaseAddress, dropAnswers: int.MaxValue);
        using var machine = new ClientMachine(PublishedTree.FixtureRoot("fcos-aws"), proxy.Url);

        var lost = await machine.RunAsync();
        var droppedInFirstRun = proxy.Dropped;
        proxy.StopDropping();
        var resent = await machine.RunAsync();

        Assert.AreEqual(0, lost.ExitCode, lost.ToString());
        Assert.IsFalse(lost.Accepted, lost.ToString());
        Assert.IsGreaterThanOrEqualTo(1, droppedInFirstRun, "the server answered and the answer was lost: " + lost);
        Assert.IsTrue(resent.Accepted, "the next run resent the report and was answered: " + resent);
        var totals = await AdminTotals.ReadAsync(server.BaseAddress);
        foreach (var kind in new[] { "day", "week", "month" })
        {
            Assert.AreEqual(1, totals.Reports(kind), $"{kind}: {droppedInFirstRun + 1} deliveries of one report count once\n{totals}");
        }
    }
}
