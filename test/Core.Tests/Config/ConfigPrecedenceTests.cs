using Pinger.Configuration;
using Pinger.Core.Config;
using Pinger.Plugins.Sdk;

namespace Pinger.Core.Tests.Config;

/// <summary>Drop-in precedence, masking, merge order, the legacy keys and the legacy opt-out.</summary>
[TestClass]
public sealed class ConfigPrecedenceTests
{
    private const string Distro = "/usr/lib/pinger/config.d";
    private const string Runtime = "/run/pinger/config.d";
    private const string Admin = "/etc/pinger/config.d";

    [TestMethod]
    public void Without_any_file_the_built_in_level_applies_and_counts_as_a_default()
    {
        using var machine = new TempMachine();

        var config = ConfigTestBed.LoadValid(machine);

        Assert.AreEqual(ConfigLoader.BuiltInLevel, config.Level);
        Assert.IsTrue(config.LevelIsDefault);
        Assert.AreEqual("built-in default (no file sets a level)", config.LevelReason);
        Assert.IsNull(config.Server);
    }

    [TestMethod]
    public void The_distribution_default_counts_as_a_default_and_an_admin_file_does_not()
    {
        using var machine = new TempMachine().Write(Distro + "/10-defaults.toml", "[reporting]\nlevel = \"minimal\"\n");
        Assert.IsTrue(ConfigTestBed.LoadValid(machine).LevelIsDefault);

        machine.Write(Admin + "/50-level.toml", "[reporting]\nlevel = \"full\"\n");
        var config = ConfigTestBed.LoadValid(machine);

        Assert.AreEqual(MetricsLevel.Full, config.Level);
        Assert.IsFalse(config.LevelIsDefault);
        Assert.AreEqual($"reporting.level at {machine.HostPath(Admin + "/50-level.toml")}:2:1", config.LevelReason);
    }

    [TestMethod]
    public void A_file_in_a_later_directory_replaces_the_same_name_in_an_earlier_one()
    {
        using var machine = new TempMachine()
            .Write(Distro + "/10-defaults.toml", "[reporting]\nlevel = \"full\"\nserver = \"https://distro.example.org/\"\n")
            .Write(Runtime + "/10-defaults.toml", "[reporting]\nlevel = \"off\"\n")
            .Write(Admin + "/10-defaults.toml", "[reporting]\nlevel = \"minimal\"\n");

        var config = ConfigTestBed.LoadValid(machine);

        Assert.AreEqual(MetricsLevel.Minimal, config.Level);
        Assert.IsNull(config.Server, "the replaced distribution file must not contribute any key");
        CollectionAssert.AreEqual(new[] { machine.HostPath(Admin + "/10-defaults.toml") }, config.Files.ToArray());
    }

    [TestMethod]
    public void A_link_to_dev_null_masks_a_file_of_the_same_name()
    {
        using var machine = new TempMachine()
            .Write(Distro + "/10-defaults.toml", "[reporting]\nlevel = \"full\"\n")
            .Link(Admin + "/10-defaults.toml", "/dev/null");

        var config = ConfigTestBed.LoadValid(machine);

        Assert.AreEqual(ConfigLoader.BuiltInLevel, config.Level);
        Assert.IsEmpty(config.Files);
    }

    [TestMethod]
    public void Survivors_merge_in_lexical_order_and_later_keys_win()
    {
        using var machine = new TempMachine()
            .Write(Admin + "/20-b.toml", "[reporting]\ntimeout_seconds = 20\n[probes.platform]\nenabled = false\n")
            .Write(Distro + "/90-z.toml", "[reporting]\ntimeout_seconds = 90\n")
            .Write(Runtime + "/10-a.toml", "[reporting]\ntimeout_seconds = 10\nserver = \"https://a.example.org/\"\n");

        var config = ConfigTestBed.LoadValid(machine);

        Assert.AreEqual(TimeSpan.FromSeconds(90), config.SendBudget, "90-z.toml sorts last, so its value wins");
        Assert.AreEqual(new Uri("https://a.example.org/"), config.Server);
        Assert.IsFalse((bool)config.ProbeConfigFor("platform").Enabled!.Value);
        CollectionAssert.AreEqual(
            new[] { Runtime + "/10-a.toml", Admin + "/20-b.toml", Distro + "/90-z.toml" }.Select(machine.HostPath).ToArray(),
            config.Files.ToArray());
    }

    [TestMethod]
    public void Only_toml_files_count_and_dotfiles_are_ignored()
    {
        using var machine = new TempMachine()
            .Write(Admin + "/.50-hidden.toml", "[reporting]\nlevel = \"off\"\n")
            .Write(Admin + "/50-backup.toml~", "[reporting]\nlevel = \"off\"\n")
            .Write(Admin + "/README", "not toml at all [")
            .Write(Admin + "/60-real.toml", "[reporting]\nlevel = \"full\"\n");

        var config = ConfigTestBed.LoadValid(machine);

        Assert.AreEqual(MetricsLevel.Full, config.Level);
        Assert.HasCount(1, config.Files);
    }

    [TestMethod]
    public void A_symlinked_drop_in_is_followed_inside_the_root()
    {
        using var machine = new TempMachine()
            .Write("/usr/share/pinger/full.toml", "[reporting]\nlevel = \"full\"\n")
            .Link(Admin + "/50-full.toml", "/usr/share/pinger/full.toml");

        Assert.AreEqual(MetricsLevel.Full, ConfigTestBed.LoadValid(machine).Level);
    }

    [TestMethod]
    public void The_legacy_collecting_level_works_with_a_warning_and_merges_with_reporting_level_by_order()
    {
        using var machine = new TempMachine()
            .Write(Distro + "/10-defaults.toml", "[reporting]\nlevel = \"minimal\"\n")
            .Write(Admin + "/50-old.toml", "[collecting]\nlevel = \"full\"\n");

        var result = ConfigTestBed.Load(machine);

        Assert.AreEqual(MetricsLevel.Full, result.Config!.Level);
        var warning = result.Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Warning);
        Assert.AreEqual("collecting.level", warning.Key);
        Assert.AreEqual("prefer reporting.level", warning.Hint);
    }

    [TestMethod]
    public void Reporting_enabled_false_turns_reporting_off_whatever_the_level()
    {
        using var machine = new TempMachine()
            .Write(Admin + "/10-level.toml", "[reporting]\nlevel = \"full\"\n")
            .Write(Admin + "/99-disable.toml", "[reporting]\nenabled = false\n");

        var config = ConfigTestBed.LoadValid(machine);

        Assert.AreEqual(MetricsLevel.Off, config.Level);
        StringAssert.StartsWith(config.LevelReason, "reporting.enabled = false at ");
    }

    [TestMethod]
    public void The_fedora_coreos_pinger_opt_out_file_turns_reporting_off_and_says_so()
    {
        using var machine = new TempMachine()
            .Write(Admin + "/50-full.toml", "[reporting]\nlevel = \"full\"\n")
            .Write("/etc/fedora-coreos-pinger/config.d/99-disable-reporting.toml", "[reporting]\nenabled = false\n");

        var result = ConfigTestBed.Load(machine);

        var optOut = machine.HostPath("/etc/fedora-coreos-pinger/config.d/99-disable-reporting.toml");
        Assert.AreEqual(MetricsLevel.Off, result.Config!.Level);
        Assert.AreEqual(optOut, result.Config.LegacyOptOutFile);
        Assert.AreEqual($"opt-out file {optOut}", result.Config.LevelReason);
        Assert.IsTrue(result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains(optOut, StringComparison.Ordinal)));
    }

    [TestMethod]
    public void An_invalid_legacy_opt_out_file_makes_the_config_invalid()
    {
        using var machine = new TempMachine().Write("/etc/fedora-coreos-pinger/config.d/99-disable-reporting.toml", "[reporting\nenabled = false\n");

        Assert.IsFalse(ConfigTestBed.Load(machine).IsValid);
    }

    [TestMethod]
    public void A_config_directory_given_explicitly_replaces_the_standard_ones()
    {
        using var machine = new TempMachine().Write(Admin + "/50-off.toml", "[reporting]\nlevel = \"off\"\n");
        using var elsewhere = new TempMachine().Write("/50-full.toml", "[reporting]\nlevel = \"full\"\n");

        var result = new ConfigLoader(ConfigDirectories.Only(elsewhere.Root, new RootedMachineFiles(machine.Root)))
            .Load(KnownProbes.NotLoaded);

        Assert.AreEqual(MetricsLevel.Full, result.Config!.Level);
    }

    [TestMethod]
    public void Without_loaded_probes_only_the_shape_of_probe_tables_is_checked()
    {
        using var machine = new TempMachine().Write(Admin + "/50.toml", "[probes.anything]\nenabled = false\nwhatever = 3\n");

        var result = ConfigTestBed.Load(machine, KnownProbes.NotLoaded);

        Assert.IsTrue(result.IsValid);
    }

    [TestMethod]
    public void Settings_of_a_probe_whose_plugin_failed_to_load_give_a_warning_not_an_error()
    {
        using var machine = new TempMachine().Write(Admin + "/50.toml", "[probes.vendor-probe]\nenabled = true\n");

        var result = ConfigTestBed.Load(machine, KnownProbes.Of([ConfigTestBed.Platform], ["vendor-probe"]));

        Assert.IsTrue(result.IsValid);
        Assert.AreEqual("probe 'vendor-probe' failed to load, so its settings are not checked", result.Diagnostics.Single().Message);
    }

    [TestMethod]
    public void Probe_settings_and_switches_reach_the_effective_config()
    {
        using var machine = new TempMachine().Write(Admin + "/50.toml", "probes.platform.timeout_ms = 250\n[probes.hardware]\nenabled = false\n");

        var config = ConfigTestBed.LoadValid(machine);

        Assert.AreEqual(FieldValue.FromInteger(250), config.ProbeConfigFor("platform").SettingValues["timeout_ms"]);
        Assert.IsFalse((bool)config.ProbeConfigFor("hardware").Enabled!.Value);
    }
}
