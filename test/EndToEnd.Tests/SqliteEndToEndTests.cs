using Pinger.EndToEnd.Tests.Infrastructure;

namespace Pinger.EndToEnd.Tests;

/// <summary>
/// The published <c>pinger run</c> against the published <c>pinger-server</c> on SQLite: the server accepts the report
/// of every fixture root at every level a golden report exists for (what was sent, as the machine's history keeps it,
/// is the golden report), counts each once and every field value as often as it was sent, and counts a report whose
/// answer was lost once, however often the client resends it.
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
        var sent = new List<(string Field, string Value)>();
        using var slots = new SemaphoreSlim(4);
        var runs = golden.Select(async pair =>
        {
            await slots.WaitAsync();
            try
            {
                using var machine = new ClientMachine(PublishedTree.FixtureRoot(pair.Root), server.BaseAddress, pair.Level);
                var run = await machine.RunAsync();
                var report = machine.LastAcceptedReport();
                var fields = report is null ? [] : GoldenReports.ScalarFields(report);
                var expected = GoldenReports.ScalarFields(pair.Root, pair.Level);
                lock (problems)
                {
                    // 4: a probe was left out (a sparse root, or its budget spent on a loaded machine); the rest is sent.
                    if (run.ExitCode is not (0 or 4) || !run.Accepted || report is null)
                    {
                        problems.Add($"{pair.Root} at {pair.Level}: {run}");
                        return;
                    }

                    // What was sent is the golden report, or (exit 4) part of it; never a value the golden report lacks.
                    var strays = fields.Except(expected).ToList();
                    var lacking = run.ExitCode == 0 ? expected.Except(fields).ToList() : [];
                    if (strays.Count > 0 || lacking.Count > 0)
                    {
                        problems.Add($"{pair.Root} at {pair.Level}: sent but not in the golden report: {string.Join(", ", strays)}; in the golden report but not sent: {string.Join(", ", lacking)}");
                    }

                    sent.AddRange(fields);
                }
            }
            finally
            {
                slots.Release();
            }
        });
        await Task.WhenAll(runs);
        Assert.IsEmpty(problems, "the real server did not accept every fixture root's report as golden:\n" + string.Join("\n\n", problems) + "\n--- server ---\n" + server.Log);

        var totals = await AdminTotals.ReadAsync(server.BaseAddress);
        foreach (var kind in new[] { "day", "week", "month" })
        {
            Assert.AreEqual(golden.Count, totals.Reports(kind), $"{kind} windows: one report per run\n{totals}");
        }

        // Every value sent counted as often as it was sent.
        var wrong = sent.GroupBy(f => f)
            .Select(g => (g.Key.Field, g.Key.Value, Sent: g.Count(), Counted: totals.Cell("week", g.Key.Field, g.Key.Value)))
            .Where(c => c.Counted != c.Sent)
            .Select(c => $"{c.Field} = {c.Value}: sent {c.Sent}, counted {c.Counted}")
            .ToList();
        Assert.IsNotEmpty(sent, "no field value was sent");
        Assert.IsEmpty(wrong, "values the server did not count as sent:\n" + string.Join("\n", wrong) + $"\n{totals}");
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
