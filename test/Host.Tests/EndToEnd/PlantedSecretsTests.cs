using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Pinger.Host.Tests.Delivery;

namespace Pinger.Host.Tests.EndToEnd;

/// <summary>
/// The published <c>pinger</c> on the planted-secrets root, where every place a probe reads (NetworkManager keyfiles
/// under /etc and /run, process and kernel command lines) holds secrets marked <c>planted-secret</c>: a dry-run, a
/// run at the full level to a real server on loopback, the history, the OpenMetrics dry-run and the textfile export,
/// all verbose; no secret appears in what was sent, printed or logged (exception text included), nor in any file
/// Pinger keeps or writes.
/// </summary>
[TestClass]
public sealed class PlantedSecretsTests
{
    private const string SecretMarker = "planted-secret";

    [TestMethod]
    public async Task No_planted_secret_reaches_the_report_the_output_the_logs_the_history_or_the_state()
    {
        await using var server = await FakeReportServer.AnsweringAsync(StatusCodes.Status204NoContent);
        using var directory = new TempDirectory();
        directory.Write("config/50-test.toml", $"[reporting]\nlevel = \"full\"\nserver = \"{server.BaseUrl}\"\ntimeout_seconds = 5\n");
        string[] common =
        [
            "--verbose", "--root", TestPaths.FixtureRoot("planted-secrets"), "--config-dir", Path.Combine(directory.Path, "config"),
            "--state-dir", Path.Combine(directory.Path, "state"), "--runtime-dir", Path.Combine(directory.Path, "run"),
        ];
        var now = new Dictionary<string, string> { ["PINGER_NOW"] = "2026-11-27T10:00:00Z" };

        var dryRun = PingerProcess.Run(now, ["--dry-run", .. common]);
        var openMetrics = PingerProcess.Run(now, ["--dry-run", "--format", "openmetrics", .. common]);
        var textfile = Directory.CreateDirectory(Path.Combine(directory.Path, "textfile")).FullName;
        var export = PingerProcess.Run(now, ["export", "--textfile-dir", textfile, .. common]);
        var run = PingerProcess.Run(now, ["run", .. common]);
        var history = PingerProcess.Run(now, ["history", .. common]);

        Assert.IsTrue(run.ExitCode is ExitCodes.Ok or ExitCodes.PartialReport, run.ToString());
        var sent = server.Requests.Single().Text;
        Assert.AreEqual("keyfiles", (string?)JsonNode.Parse(sent)!["probes"]!["network"]!["addressing_source"], "the keyfiles were read");
        var kept = Directory.EnumerateFiles(directory.Path, "*", SearchOption.AllDirectories)
            .Where(path => !path.StartsWith(Path.Combine(directory.Path, "config"), StringComparison.Ordinal))
            .Select(path => (Where: path, Text: File.ReadAllText(path)))
            .ToArray();
        Assert.IsNotEmpty(kept, "the run keeps a state and a history");
        StringAssert.Contains(File.ReadAllText(Path.Combine(textfile, "pinger.prom")), "pinger_network_info{addressing_source=\"keyfiles\"} 1", "the export read the keyfiles too");
        var places = new (string Where, string Text)[]
        {
            ("sent report", sent),
            ("dry-run", dryRun.Output + dryRun.StandardError),
            ("OpenMetrics dry-run", openMetrics.Output + openMetrics.StandardError),
            ("export", export.Output + export.StandardError),
            ("run", run.Output + run.StandardError),
            ("history", history.Output + history.StandardError),
        }.Concat(kept);
        var leaks = places.Where(p => p.Text.Contains(SecretMarker, StringComparison.OrdinalIgnoreCase)).Select(p => p.Where).ToArray();
        Assert.IsEmpty(leaks, "a planted secret appears in: " + string.Join(", ", leaks));
    }
}
