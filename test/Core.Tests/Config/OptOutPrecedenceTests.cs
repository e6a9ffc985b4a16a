using Pinger.Configuration;
using Pinger.Plugins.Sdk;

namespace Pinger.Core.Tests.Config;

/// <summary>An opt-out in the admin's directories outranks every other file; one shipped by the distribution does not.</summary>
[TestClass]
public sealed class OptOutPrecedenceTests
{
    private const string Distro = "/usr/lib/pinger/config.d";
    private const string Runtime = "/run/pinger/config.d";
    private const string Admin = "/etc/pinger/config.d";

    [TestMethod]
    [DataRow(Admin + "/90-disable.toml", Admin + "/90-level.toml")]
    [DataRow(Admin + "/50-level.toml", Admin + "/60-level.toml")]
    [DataRow(Runtime + "/10-off.toml", Admin + "/99-full.toml")]
    [DataRow(Admin + "/10-off.toml", Distro + "/99-full.toml")]
    public void An_admin_off_wins_whatever_sorts_after_it_and_each_file_asking_for_more_is_warned_about(string offFile, string fullFile)
    {
        using var machine = new TempMachine()
            .Write(offFile, "[reporting]\nlevel = \"off\"\n")
            .Write(fullFile, "[reporting]\nlevel = \"full\"\n");

        var result = ConfigTestBed.Load(machine);

        Assert.AreEqual(MetricsLevel.Off, result.Config!.Level);
        Assert.AreEqual($"reporting.level at {machine.HostPath(offFile)}:2:1", result.Config.LevelReason);
        Assert.IsFalse(result.Config.LevelIsDefault);
        var warnings = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning && d.Message.StartsWith("asks for level", StringComparison.Ordinal)).ToArray();
        var expected = fullFile.StartsWith(Distro, StringComparison.Ordinal) ? 0 : 1;
        Assert.HasCount(expected, warnings);
    }

    [TestMethod]
    public void The_old_enabled_false_in_an_admin_file_wins_over_a_later_level()
    {
        using var machine = new TempMachine()
            .Write(Admin + "/10-disable.toml", "[reporting]\nenabled = false\n")
            .Write(Admin + "/90-level.toml", "[reporting]\nlevel = \"full\"\n");

        var config = ConfigTestBed.LoadValid(machine);

        Assert.AreEqual(MetricsLevel.Off, config.Level);
        StringAssert.StartsWith(config.LevelReason, "reporting.enabled = false at ");
    }

    [TestMethod]
    public void An_off_shipped_by_the_distribution_gives_way_to_any_admin_level_but_holds_against_its_own_files()
    {
        using var machine = new TempMachine()
            .Write(Distro + "/10-defaults.toml", "[reporting]\nlevel = \"full\"\n")
            .Write(Distro + "/05-off.toml", "[reporting]\nlevel = \"off\"\n");
        var distributionOnly = ConfigTestBed.LoadValid(machine);

        machine.Write(Admin + "/01-level.toml", "[reporting]\nlevel = \"minimal\"\n");
        var withAdmin = ConfigTestBed.LoadValid(machine);

        Assert.AreEqual(MetricsLevel.Off, distributionOnly.Level);
        Assert.IsTrue(distributionOnly.LevelIsDefault);
        Assert.AreEqual(MetricsLevel.Minimal, withAdmin.Level);
        Assert.IsFalse(withAdmin.LevelIsDefault);
    }

    [TestMethod]
    public void Between_admin_levels_other_than_off_the_later_file_wins()
    {
        using var machine = new TempMachine()
            .Write(Admin + "/50-level.toml", "[reporting]\nlevel = \"full\"\n")
            .Write(Runtime + "/60-level.toml", "[reporting]\nlevel = \"minimal\"\n");

        Assert.AreEqual(MetricsLevel.Minimal, ConfigTestBed.LoadValid(machine).Level);
    }
}
