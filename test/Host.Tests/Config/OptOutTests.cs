using Pinger.Host.Tests.EndToEnd;

namespace Pinger.Host.Tests.Config;

/// <summary>
/// The published <c>pinger</c> honours an opt-out whatever the names of the other files: an <c>off</c> in the admin's
/// directories cannot be overridden, only removed, and <c>check-config</c> says which file decided and which asked for more.
/// </summary>
[TestClass]
public sealed class OptOutTests
{
    [TestMethod]
    public void An_off_in_etc_wins_over_a_later_file_asking_for_full_and_check_config_names_both()
    {
        using var machine = new TempDirectory();
        var off = machine.Write("etc/pinger/config.d/90-disable.toml", "[reporting]\nlevel = \"off\"\n");
        var full = machine.Write("etc/pinger/config.d/90-level.toml", "[reporting]\nlevel = \"full\"\n");

        var check = PingerProcess.Run("check-config", "--root", machine.Path);
        var dryRun = PingerProcess.Run("--dry-run", "--root", machine.Path);

        Assert.AreEqual(ExitCodes.Ok, check.ExitCode, check.ToString());
        StringAssert.Contains(check.Output, $"Level: off, from reporting.level at {off}:2:1");
        StringAssert.Contains(check.StandardError, $"pinger: warning: {full}:2:1: 'reporting.level': asks for level \"full\", but reporting stays off because of reporting.level at {off}:2:1");
        Assert.AreEqual(ExitCodes.Ok, dryRun.ExitCode, dryRun.ToString());
        Assert.IsEmpty(dryRun.StandardOutput, "nothing may be collected at level off");
    }

    [TestMethod]
    public void An_off_in_run_wins_over_a_later_admin_file_asking_for_full()
    {
        using var machine = new TempDirectory();
        var off = machine.Write("run/pinger/config.d/50-level.toml", "[reporting]\nlevel = \"off\"\n");
        var full = machine.Write("etc/pinger/config.d/60-level.toml", "[reporting]\nlevel = \"full\"\n");

        var check = PingerProcess.Run("check-config", "--root", machine.Path);

        Assert.AreEqual(ExitCodes.Ok, check.ExitCode, check.ToString());
        StringAssert.Contains(check.Output, $"Level: off, from reporting.level at {off}:2:1");
        StringAssert.Contains(check.StandardError, $"{full}:2:1: 'reporting.level': asks for level \"full\"");
    }

    [TestMethod]
    public void Every_file_asking_for_more_than_the_legacy_opt_out_gets_a_warning()
    {
        using var machine = new TempDirectory();
        var optOut = machine.Write("etc/fedora-coreos-pinger/config.d/99-disable-reporting.toml", "[reporting]\nenabled = false\n");
        var minimal = machine.Write("etc/pinger/config.d/20-minimal.toml", "[reporting]\nlevel = \"minimal\"\n");
        var full = machine.Write("etc/pinger/config.d/99-full.toml", "[collecting]\nlevel = \"full\"\n");

        var check = PingerProcess.Run("check-config", "--root", machine.Path);

        Assert.AreEqual(ExitCodes.Ok, check.ExitCode, check.ToString());
        StringAssert.Contains(check.Output, $"Level: off, from opt-out file {optOut}");
        StringAssert.Contains(check.StandardError, $"{minimal}:2:1: 'reporting.level': asks for level \"minimal\"");
        StringAssert.Contains(check.StandardError, $"{full}:2:1: 'collecting.level': asks for level \"full\"");
    }

    [TestMethod]
    public void An_off_shipped_by_the_distribution_is_overridden_by_the_admin()
    {
        using var machine = new TempDirectory();
        machine.Write("usr/lib/pinger/config.d/99-off.toml", "[reporting]\nlevel = \"off\"\n");
        var minimal = machine.Write("etc/pinger/config.d/50-level.toml", "[reporting]\nlevel = \"minimal\"\n");

        var check = PingerProcess.Run("check-config", "--root", machine.Path);

        Assert.AreEqual(ExitCodes.Ok, check.ExitCode, check.ToString());
        StringAssert.Contains(check.Output, $"Level: minimal, from reporting.level at {minimal}:2:1");
        Assert.DoesNotContain("warning", check.StandardError);
    }

    [TestMethod]
    public void Removing_the_opt_out_file_is_what_turns_reporting_back_on()
    {
        using var machine = new TempDirectory();
        var off = machine.Write("etc/pinger/config.d/90-disable.toml", "[reporting]\nlevel = \"off\"\n");
        machine.Write("etc/pinger/config.d/50-level.toml", "[reporting]\nlevel = \"full\"\n");
        Assert.Contains("Level: off", PingerProcess.Run("check-config", "--root", machine.Path).Output);

        File.Delete(off);
        var check = PingerProcess.Run("check-config", "--root", machine.Path);

        StringAssert.Contains(check.Output, "Level: full, from reporting.level at ");
    }
}
