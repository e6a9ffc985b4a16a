using System.Text.Json.Nodes;

namespace Pinger.Host.Tests.EndToEnd;

/// <summary>The published <c>pinger</c> as an admin meets it: exit codes, what goes to stdout and what to stderr.</summary>
[TestClass]
public sealed class CommandLineTests
{
    private static string FcosAws => TestPaths.FixtureRoot("fcos-aws");

    [TestMethod]
    public void An_invalid_config_exits_3_prints_every_error_with_file_and_line_and_nothing_on_stdout()
    {
        using var config = new TempDirectory();
        var file = config.Write("50-admin.toml", "[reporting]\nlevel = \"loud\"\n[probes.platfrom]\nenabled = false\n");

        var outcome = PingerProcess.Run("--dry-run", "--root", FcosAws, "--config-dir", config.Path);

        Assert.AreEqual(ExitCodes.InvalidConfig, outcome.ExitCode, outcome.ToString());
        Assert.IsEmpty(outcome.StandardOutput);
        StringAssert.Contains(outcome.StandardError, $"pinger: error: {file}:2:1: 'reporting.level': unknown level \"loud\"");
        StringAssert.Contains(outcome.StandardError, $"pinger: error: {file}:3:1: 'probes.platfrom': unknown probe id 'platfrom' (hint: did you mean 'platform'?)");
        StringAssert.Contains(outcome.StandardError, "the configuration is invalid (2 errors): nothing is collected or sent");
    }

    [TestMethod]
    public void At_level_off_dry_run_prints_nothing_and_says_why()
    {
        var outcome = PingerProcess.Run("--dry-run", "--root", FcosAws, "--config-dir", TestPaths.FixtureConfig("off"));

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        Assert.IsEmpty(outcome.StandardOutput);
        StringAssert.Contains(outcome.StandardError, "reporting is off (reporting.level at ");
        StringAssert.Contains(outcome.StandardError, "nothing would be sent");
    }

    [TestMethod]
    public void The_legacy_opt_out_file_under_the_root_turns_reporting_off()
    {
        using var machine = new TempDirectory();
        machine.Write("etc/fedora-coreos-pinger/config.d/99-disable-reporting.toml", "[reporting]\nenabled = false\n");
        machine.Write("etc/pinger/config.d/50-full.toml", "[reporting]\nlevel = \"full\"\n");

        var dryRun = PingerProcess.Run("--dry-run", "--root", machine.Path);
        var check = PingerProcess.Run("check-config", "--root", machine.Path);

        Assert.AreEqual(ExitCodes.Ok, dryRun.ExitCode, dryRun.ToString());
        Assert.IsEmpty(dryRun.StandardOutput);
        StringAssert.Contains(check.Output, "Level: off, from opt-out file " + Path.Combine(machine.Path, "etc/fedora-coreos-pinger/config.d/99-disable-reporting.toml"));
        StringAssert.Contains(check.Output, "Reporting is OFF because the fedora-coreos-pinger opt-out file exists");
    }

    [TestMethod]
    public void Check_config_explains_which_file_set_which_value_and_which_probes_run()
    {
        using var config = new TempDirectory();
        var levelFile = config.Write("10-level.toml", "[reporting]\nlevel = \"minimal\"\nserver = \"https://metrics.example.org/\"\n");
        var probeFile = config.Write("50-probes.toml", "\n[probes.instance-type]\nenabled = false\n");

        var outcome = PingerProcess.Run("check-config", "--root", FcosAws, "--config-dir", config.Path);

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        StringAssert.Contains(outcome.Output, "Configuration is valid.");
        StringAssert.Contains(outcome.Output, $"reporting.level = \"minimal\"    ({levelFile}:2:1)");
        StringAssert.Contains(outcome.Output, $"probes.instance-type.enabled = false    ({probeFile}:3:1)");
        StringAssert.Contains(outcome.Output, "Server: https://metrics.example.org/");
        StringAssert.Contains(outcome.Output, $"instance-type        skipped  disabled at {probeFile}:3:1");
        StringAssert.Contains(outcome.Output, "platform             runs     on by default");
    }

    [TestMethod]
    public void Check_config_fails_with_the_errors_when_the_config_is_invalid()
    {
        using var config = new TempDirectory();
        config.Write("50-admin.toml", "[reporting]\nlevel = minimal\n");

        var outcome = PingerProcess.Run("check-config", "--config-dir", config.Path, "--root", FcosAws);

        Assert.AreEqual(ExitCodes.InvalidConfig, outcome.ExitCode, outcome.ToString());
        StringAssert.Contains(outcome.StandardError, "50-admin.toml:2:");
        StringAssert.Contains(outcome.StandardError, "TOML syntax error");
    }

    [TestMethod]
    public void Probes_lists_each_probe_with_its_assembly_level_decision_and_fields()
    {
        var outcome = PingerProcess.Run("probes", "--root", FcosAws, "--config-dir", TestPaths.FixtureConfig("minimal"));

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        StringAssert.Contains(outcome.Output, "platform: ");
        StringAssert.Contains(outcome.Output, $"  source:   {Path.Combine(PublishedTree.Probes, "platform", "Pinger.Probes.Platform.dll")} (distribution)");
        StringAssert.Contains(outcome.Output, "  now:      runs: on by default");
        StringAssert.Contains(outcome.Output, "    id                   minimal  ");
        if (Directory.Exists(Path.Combine(PublishedTree.Probes, "hardware")))
        {
            StringAssert.Contains(outcome.Output, "  now:      skipped: needs level full, level is minimal");
        }
    }

    [TestMethod]
    public void Misbehaving_plugins_are_contained_the_report_is_partial_and_stdout_holds_only_the_report()
    {
        using var plugins = new TempDirectory();
        plugins.CopyDirectory(TestPaths.MisbehavingPluginOutput, "misbehaving");
        plugins.Write("broken/broken.dll", "not an assembly");

        var outcome = PingerProcess.Run(
            "--dry-run", "--root", FcosAws, "--config-dir", TestPaths.FixtureConfig("minimal"),
            "--probe-dir", PublishedTree.Probes, "--probe-dir", plugins.Path);

        Assert.AreEqual(ExitCodes.PartialReport, outcome.ExitCode, outcome.ToString());
        var report = JsonNode.Parse(outcome.Output)!.AsObject();
        var probes = report["probes"]!.AsObject().Select(p => p.Key).ToArray();
        CollectionAssert.IsSubsetOf(new[] { "platform", "os-versions", "well-behaved", "stdout-writing" }, probes);
        CollectionAssert.DoesNotContain(probes, "throwing");
        CollectionAssert.DoesNotContain(probes, "hanging");
        CollectionAssert.DoesNotContain(probes, "undeclared-field");
        CollectionAssert.DoesNotContain(probes, "level-escaping");
        StringAssert.Contains(outcome.StandardError, "PLUGIN-WROTE-THIS-TO-STDOUT");
        StringAssert.Contains(outcome.StandardError, "probe throwing: threw InvalidOperationException");
        StringAssert.Contains(outcome.StandardError, "probe hanging: did not finish within its budget of 300 ms");
        StringAssert.Contains(outcome.StandardError, "probe undeclared-field: whole probe left out of the report: it emitted undeclared field 'hostname'");
        StringAssert.Contains(outcome.StandardError, "probe level-escaping: whole probe left out of the report: field 'detail' needs level full, level is minimal");
        StringAssert.Contains(outcome.StandardError, "broken.dll not loaded: not a .NET assembly");
        Assert.DoesNotContain("secret-host-name", outcome.StandardError + outcome.Output);
    }

    [TestMethod]
    public void Without_a_command_or_with_an_unknown_option_the_exit_status_is_2()
    {
        var bare = PingerProcess.Run();
        var unknown = PingerProcess.Run("--dry-runn");

        Assert.AreEqual(ExitCodes.Usage, bare.ExitCode, bare.ToString());
        StringAssert.Contains(bare.StandardError, "nothing to do");
        Assert.AreEqual(ExitCodes.Usage, unknown.ExitCode, unknown.ToString());
        StringAssert.Contains(unknown.StandardError, "--dry-runn");
    }

    [TestMethod]
    public void A_misspelt_option_or_command_gets_a_did_you_mean_hint()
    {
        var option = PingerProcess.Run("--dryrun");
        var command = PingerProcess.Run("histroy");

        Assert.AreEqual(ExitCodes.Usage, option.ExitCode, option.ToString());
        StringAssert.Contains(option.StandardError, "pinger: '--dryrun': did you mean '--dry-run'?");
        StringAssert.Contains(command.StandardError, "pinger: 'histroy': did you mean 'history'?");
    }

    [TestMethod]
    public void Probes_lines_up_the_level_column_of_field_names_longer_than_twenty_characters()
    {
        var outcome = PingerProcess.Run("probes", "--root", FcosAws, "--config-dir", TestPaths.FixtureConfig("minimal"));

        var section = outcome.Output.Split("\n\n").Single(s => s.StartsWith("container-runtimes: ", StringComparison.Ordinal));
        var rows = section.Split('\n').SkipWhile(l => l != "  fields:").Skip(1).ToArray();
        Assert.IsTrue(rows.Any(r => r.Contains("containerd_containers", StringComparison.Ordinal)), section);
        var levelColumns = rows.Where(r => r.Length > 0).Select(LevelColumn).Distinct().ToArray();
        Assert.HasCount(1, levelColumns, section);
    }

    // Where the level word starts: after the field name and the spaces that pad it.
    private static int LevelColumn(string row)
    {
        var column = row.IndexOf(' ', 4);
        while (row[column] == ' ')
        {
            column++;
        }

        return column;
    }

    [TestMethod]
    public void Timings_are_printed_on_request_so_start_up_costs_stay_visible()
    {
        var outcome = PingerProcess.Run(
            new Dictionary<string, string> { ["PINGER_TIMINGS"] = "1" },
            "--dry-run", "--root", FcosAws, "--config-dir", TestPaths.FixtureConfig("minimal"));

        StringAssert.Contains(outcome.StandardError, "pinger: timing: load probe plugins: ");
        StringAssert.Contains(outcome.StandardError, "pinger: timing: run probes: ");
    }
}
