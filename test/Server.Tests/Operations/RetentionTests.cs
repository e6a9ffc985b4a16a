using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Pinger.Server.Configuration;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Operations;

[TestClass]
public sealed partial class RetentionTests
{
    [TestMethod]
    public async Task A_window_past_its_retention_disappears_without_any_new_report()
    {
        var clock = new FixedClock(FixedClock.Friday);
        await using var server = await TestServer.StartAsync(
            s => s with { Retention = RetentionPolicy.Default with { Day = TimeSpan.FromDays(2) } }, clock: clock, pruneInterval: TimeSpan.FromMilliseconds(50));
        using (var posted = await server.PostReportAsync(ReportJson.Minimal()))
        {
            Assert.AreEqual(HttpStatusCode.NoContent, posted.StatusCode);
        }

        Assert.AreEqual(1, Totals.Reports(await Totals.AdminAsync(server.Client), "day"));

        // Three days on and nothing sent since: day 2026-11-27 is past its two days, its week and month are not.
        clock.Now = FixedClock.Friday.AddDays(3);
        var logged = await LoggedAsync(server, "Retention deleted");

        var totals = await Totals.AdminAsync(server.Client);
        Assert.AreEqual(0, Totals.Reports(totals, "day"));
        Assert.AreEqual(0, Totals.Cell(totals, "day", "platform.id", "aws"));
        Assert.AreEqual(1, Totals.Reports(totals, "week"));
        Assert.AreEqual(1, Totals.Cell(totals, "month", "platform.id", "aws"));
        StringAssert.Contains(logged, "day windows before 2026-11-28");
        var rows = RowsDeleted().Match(logged);
        Assert.IsTrue(rows.Success, logged);
        StringAssert.Contains(await server.Client.GetStringAsync("/metrics"), "pinger_server_rows_pruned_total " + rows.Groups[1].Value);
        Assert.IsGreaterThan(1, int.Parse(rows.Groups[1].Value, CultureInfo.InvariantCulture), "the day's report row and its value rows");
    }

    // Waits for the server to log a line: retention runs on its own schedule, not on a request.
    private static async Task<string> LoggedAsync(TestServer server, string text)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (server.Logs.Lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"the server never logged \"{text}\":\n" + string.Join('\n', server.Logs.Lines));
        return string.Empty;
    }

    [GeneratedRegex("deleted ([0-9]+) counter rows")]
    private static partial Regex RowsDeleted();
}
