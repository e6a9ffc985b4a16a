using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Pinger.Host.Tests.EndToEnd;

namespace Pinger.Host.Tests.Delivery;

/// <summary>
/// The published <c>pinger run</c> when an update adds a probe at the machine's level: its fields are withheld for
/// a week from the run that first sees them, announced once in the log, listed by <c>pinger history</c> and marked
/// by <c>pinger --dry-run</c>, then sent. A machine's first report waits for nothing.
/// </summary>
[TestClass]
public sealed class NewFieldsTests
{
    [TestMethod]
    public async Task A_probe_added_by_an_update_is_withheld_for_a_week_announced_once_then_sent()
    {
        await using var server = await FakeReportServer.AnsweringAsync(StatusCodes.Status204NoContent);
        using var bed = new RunBed().ReportTo(server.BaseUrl);
        using var before = new TempDirectory();
        foreach (var probe in Directory.EnumerateDirectories(PublishedTree.Probes).Where(d => Path.GetFileName(d) != "os-versions"))
        {
            before.CopyDirectory(probe, Path.GetFileName(probe));
        }

        string[] withoutOsVersions = ["--probe-dir", before.Path];
        string[] afterUpdate = ["--probe-dir", PublishedTree.Probes];

        var first = bed.Run("2026-11-27T10:00:00Z", extraArguments: withoutOsVersions);
        var updated = bed.Run("2026-11-28T10:00:00Z", extraArguments: afterUpdate);
        var dryRun = bed.Run("2026-11-29T10:00:00Z", command: "--dry-run", extraArguments: afterUpdate);
        var stillWaiting = bed.Run("2026-11-29T10:00:00Z", extraArguments: afterUpdate);
        var history = bed.Run("2026-11-29T10:00:00Z", command: "history");
        var weekLater = bed.Run("2026-12-05T10:00:00Z", extraArguments: afterUpdate);

        foreach (var outcome in new[] { first, updated, dryRun, stillWaiting, weekLater })
        {
            Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        }

        var reports = server.Requests.Select(r => JsonNode.Parse(r.Text)!["probes"]!.AsObject()).ToArray();
        Assert.HasCount(4, reports);
        CollectionAssert.AreEqual(new[] { false, false, false, true }, reports.Select(r => r.ContainsKey("os-versions")).ToArray());
        Assert.IsTrue(reports.All(r => r.ContainsKey("platform")), "the fields seen before are sent all along");

        StringAssert.Contains(updated.StandardError, "new report fields at this machine's level, withheld until 2026-12-05T10:00:00Z");
        StringAssert.Contains(updated.StandardError, "os-versions.id (The distribution's ID from os-release");
        StringAssert.Contains(updated.StandardError, "[probes.os-versions] enabled = false");
        Assert.DoesNotContain("new report fields", first.StandardError + stillWaiting.StandardError + weekLater.StandardError, "announced once");

        Assert.IsFalse(JsonNode.Parse(dryRun.Output)!["probes"]!.AsObject().ContainsKey("os-versions"), "the dry-run prints what a run sends");
        StringAssert.Contains(dryRun.StandardError, "waiting: os-versions.id is new at this level and left out of the report until 2026-12-05T10:00:00Z");
        StringAssert.Contains(history.Output, "withheld as new: os-versions.id until 2026-12-05T10:00:00Z, os-versions.machine until 2026-12-05T10:00:00Z");
        StringAssert.Contains(history.Output, "os-versions.original_version until 2026-12-05T10:00:00Z");
    }

    [TestMethod]
    public async Task The_first_report_of_a_machine_and_of_a_newly_chosen_level_sends_every_field_at_once()
    {
        await using var server = await FakeReportServer.AnsweringAsync(StatusCodes.Status204NoContent);
        using var bed = new RunBed().ReportTo(server.BaseUrl);

        var first = bed.Run("2026-11-27T10:00:00Z");
        bed.Configure($"[reporting]\nlevel = \"full\"\nserver = \"{server.BaseUrl}\"\ntimeout_seconds = 5\n");
        var raised = bed.Run("2026-11-28T10:00:00Z");

        Assert.AreEqual(ExitCodes.Ok, first.ExitCode, first.ToString());
        Assert.IsTrue(raised.ExitCode is ExitCodes.Ok or ExitCodes.PartialReport, raised.ToString());
        var reports = server.Requests.Select(r => JsonNode.Parse(r.Text)!).ToArray();
        Assert.AreEqual("minimal", (string?)reports[0]["level"]);
        Assert.IsTrue(reports[0]["probes"]!.AsObject().ContainsKey("os-versions"));
        Assert.AreEqual("full", (string?)reports[1]["level"]);
        Assert.IsTrue(reports[1]["probes"]!.AsObject().ContainsKey("container-runtimes"), "fields of a level the admin chose do not wait");
        Assert.DoesNotContain("new report fields", first.StandardError + raised.StandardError);
    }
}
