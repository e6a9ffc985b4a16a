using Pinger.Testing.Prometheus;

namespace Pinger.Host.Tests.EndToEnd;

/// <summary>
/// <c>pinger export --textfile-dir DIR</c>: the pinger.prom node_exporter's textfile collector reads holds exactly
/// the OpenMetrics dry-run's samples, in the text format, is replaced whole, and follows the level and probe settings.
/// </summary>
[TestClass]
public sealed class TextfileExportTests
{
    private static readonly Dictionary<string, string> FixedNow = new() { ["PINGER_NOW"] = "2026-11-27T10:00:00Z" };

    [TestMethod]
    public void The_textfile_holds_the_dry_runs_samples_replaces_the_old_file_and_leaves_nothing_else()
    {
        using var state = new TempDirectory();
        using var textfiles = new TempDirectory();
        var stale = textfiles.Write("pinger.prom", "# HELP pinger_stale old\n# TYPE pinger_stale gauge\npinger_stale 1\n");

        var export = Export(textfiles.Path, state.Path, TestPaths.FixtureConfig("full"));
        var dryRun = PingerProcess.Run(FixedNow, "--dry-run", "--format", "openmetrics", "--root", TestPaths.FixtureRoot("metal-server"), "--config-dir", TestPaths.FixtureConfig("full"), "--state-dir", state.Path);

        Assert.AreEqual(ExitCodes.Ok, export.ExitCode, export.ToString());
        Assert.IsEmpty(export.StandardOutput, "export prints nothing on standard output");
        var text = File.ReadAllText(stale);
        Promtool.AssertValid(text, "the textfile");
        var withoutOpenMetricsLines = string.Concat(dryRun.Output.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("# UNIT ", StringComparison.Ordinal) && l != "# EOF").Select(l => l + "\n"));
        Assert.AreEqual(withoutOpenMetricsLines, text, "the same families and samples as the dry-run, in the text format");
        Assert.DoesNotContain("pinger_stale", text);
        CollectionAssert.AreEqual(new[] { "pinger.prom" }, Directory.GetFiles(textfiles.Path).Select(Path.GetFileName).ToArray(), "no temporary file is left");
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(stale), "node_exporter runs as another user");
    }

    [TestMethod]
    public void A_probe_switched_off_and_a_lower_level_apply_as_for_run()
    {
        using var state = new TempDirectory();
        using var textfiles = new TempDirectory();
        using var config = new TempDirectory();
        config.Write("10-level.toml", File.ReadAllText(Path.Combine(TestPaths.FixtureConfig("full"), "10-level.toml")));
        config.Write("50-no-hardware.toml", "[probes.hardware]\nenabled = false\n");

        var withoutHardware = Export(textfiles.Path, state.Path, config.Path);
        var withoutHardwareText = File.ReadAllText(Path.Combine(textfiles.Path, "pinger.prom"));
        var minimal = Export(textfiles.Path, state.Path, TestPaths.FixtureConfig("minimal"));
        var minimalText = File.ReadAllText(Path.Combine(textfiles.Path, "pinger.prom"));

        Assert.AreEqual(ExitCodes.Ok, withoutHardware.ExitCode, withoutHardware.ToString());
        Assert.DoesNotContain("pinger_hardware_", withoutHardwareText);
        StringAssert.Contains(withoutHardwareText, "pinger_network_ethernet_interfaces ");
        Assert.AreEqual(ExitCodes.Ok, minimal.ExitCode, minimal.ToString());
        StringAssert.Contains(minimalText, "pinger_report_info{level=\"minimal\"} 1\n");
        Assert.DoesNotContain("pinger_network_", minimalText, "network is a full-level probe");
        StringAssert.Contains(minimalText, "pinger_os_versions_info{");
    }

    [TestMethod]
    public void With_reporting_off_the_textfile_is_emptied()
    {
        using var state = new TempDirectory();
        using var textfiles = new TempDirectory();
        var old = textfiles.Write("pinger.prom", "# HELP pinger_report_info x\n# TYPE pinger_report_info gauge\npinger_report_info{level=\"full\"} 1\n");

        var outcome = Export(textfiles.Path, state.Path, TestPaths.FixtureConfig("off"));

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        Assert.AreEqual(string.Empty, File.ReadAllText(old), "node_exporter no longer shows what Pinger no longer reports");
        StringAssert.Contains(outcome.StandardError, "reporting is off");
    }

    [TestMethod]
    public void A_missing_directory_is_refused_with_its_name()
    {
        using var state = new TempDirectory();
        var missing = Path.Combine(state.Path, "no-such-textfile-dir");

        var outcome = Export(missing, state.Path, TestPaths.FixtureConfig("full"));

        Assert.AreEqual(ExitCodes.Usage, outcome.ExitCode, outcome.ToString());
        StringAssert.Contains(outcome.StandardError, missing + " does not exist");
        Assert.IsFalse(Directory.Exists(missing));
    }

    [TestMethod]
    public void Export_without_a_directory_is_a_usage_error()
    {
        var outcome = PingerProcess.Run("export");

        Assert.AreEqual(ExitCodes.Usage, outcome.ExitCode, outcome.ToString());
        StringAssert.Contains(outcome.StandardError, "--textfile-dir");
    }

    private static PingerOutcome Export(string textfileDirectory, string stateDirectory, string configDirectory) =>
        PingerProcess.Run(FixedNow, "export", "--textfile-dir", textfileDirectory, "--root", TestPaths.FixtureRoot("metal-server"), "--config-dir", configDirectory, "--state-dir", stateDirectory);
}
