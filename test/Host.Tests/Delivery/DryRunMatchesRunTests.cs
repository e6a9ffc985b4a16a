using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Pinger.Core.Reporting;
using Pinger.Host.State;
using Pinger.Protocol.Reports;
using Pinger.Protocol.Windows;

namespace Pinger.Host.Tests.Delivery;

/// <summary>
/// <c>pinger --dry-run</c> promises the bytes <c>pinger run</c> sends: both published commands, on one machine
/// whose state holds counted windows and a pending report, against a real server on loopback.
/// </summary>
[TestClass]
public sealed class DryRunMatchesRunTests
{
    [TestMethod]
    public async Task The_run_sends_byte_for_byte_what_the_dry_run_printed_for_the_same_pending_report()
    {
        await using var server = await FakeReportServer.AnsweringAsync(StatusCodes.Status204NoContent);
        using var bed = new RunBed().ReportTo(server.BaseUrl);
        var now = DateTimeOffset.Parse(RunBed.Now);
        var due = new[] { CountingCalendar.Containing(WindowKind.Day, now), CountingCalendar.Containing(WindowKind.Week, now) };
        var month = CountingCalendar.Containing(WindowKind.Month, now);
        var pendingNonce = ReportNonce.Create();
        new StateStore(bed.StateDirectory).Save(PingerState.Empty.WithCounted([month]) with { Pending = new PendingReport(pendingNonce, due) });
        var stateBefore = bed.StateFile;

        var dryRun = bed.Run(command: "--dry-run");
        var stateAfterDryRun = bed.StateFile;
        var run = bed.Run();

        Assert.AreEqual(ExitCodes.Ok, dryRun.ExitCode, dryRun.ToString());
        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
        Assert.AreEqual(stateBefore, stateAfterDryRun, "the dry-run changes nothing");
        var sent = server.Requests.Single().Body;
        CollectionAssert.AreEqual(dryRun.StandardOutput, sent, $"printed:\n{dryRun.Output}\nsent:\n{System.Text.Encoding.UTF8.GetString(sent)}");
        var report = JsonNode.Parse(sent)!;
        Assert.AreEqual(pendingNonce, (string)report["nonce"]!, "the retry of the pending report keeps its nonce");
        CollectionAssert.AreEqual(new[] { "day", "week" }, report["windows"]!.AsObject().Select(p => p.Key).ToArray());
        StringAssert.Contains(bed.Run("2026-11-27T18:00:00Z").StandardError, "already counted");
    }
}
