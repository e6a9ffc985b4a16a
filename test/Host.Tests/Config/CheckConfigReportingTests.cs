using Pinger.Host.Tests.EndToEnd;

namespace Pinger.Host.Tests.Config;

/// <summary>
/// The published <c>pinger check-config</c> leaves nothing out in silence (files ignored, masked or replaced, paths
/// that do not exist), is silent with <c>--quiet</c> when all is well, and reads the shipped defaults when run in place.
/// </summary>
[TestClass]
public sealed class CheckConfigReportingTests
{
    [TestMethod]
    public void A_directory_named_like_a_drop_in_and_a_file_with_another_extension_are_named_as_ignored()
    {
        using var machine = new TempDirectory();
        var directory = Directory.CreateDirectory(Path.Combine(machine.Path, "etc/pinger/config.d/50-site.toml")).FullName;
        var conf = machine.Write("etc/pinger/config.d/50-site.conf", "[reporting]\nlevel = \"off\"\n");

        var check = PingerProcess.Run("check-config", "--root", machine.Path);

        Assert.AreEqual(ExitCodes.Ok, check.ExitCode, check.ToString());
        StringAssert.Contains(check.StandardError, $"pinger: warning: {directory}: ignored: a directory, not a file");
        StringAssert.Contains(check.StandardError, $"pinger: warning: {conf}: ignored: only files whose names end in .toml are read (hint: rename it to 50-site.toml");
    }

    [TestMethod]
    public void A_config_dir_or_root_that_does_not_exist_gets_a_warning()
    {
        using var machine = new TempDirectory();
        var missing = Path.Combine(machine.Path, "no-such-dir");

        var configDir = PingerProcess.Run("check-config", "--root", machine.Path, "--config-dir", missing);
        var root = PingerProcess.Run("check-config", "--root", missing);

        StringAssert.Contains(configDir.StandardError, $"pinger: warning: {missing}: the config directory does not exist");
        StringAssert.Contains(root.StandardError, $"pinger: warning: {missing}: the --root directory does not exist");
    }

    [TestMethod]
    public void What_a_dev_null_link_masked_and_what_a_same_name_file_replaced_is_named()
    {
        using var machine = new TempDirectory();
        var shipped = machine.Write("usr/lib/pinger/config.d/10-defaults.toml", "[reporting]\nlevel = \"minimal\"\n");
        var runtime = machine.Write("run/pinger/config.d/30-probes.toml", "[probes.platform]\nenabled = false\n");
        var mask = Path.Combine(machine.Path, "etc/pinger/config.d/10-defaults.toml");
        Directory.CreateDirectory(Path.GetDirectoryName(mask)!);
        File.CreateSymbolicLink(mask, "/dev/null");
        var replacement = machine.Write("etc/pinger/config.d/30-probes.toml", "[probes.hardware]\nenabled = false\n");

        var check = PingerProcess.Run("check-config", "--root", machine.Path);

        Assert.AreEqual(ExitCodes.Ok, check.ExitCode, check.ToString());
        StringAssert.Contains(check.Output, $"{mask}: a link to /dev/null: masks {shipped}");
        StringAssert.Contains(check.Output, $"{replacement}: replaces {runtime} (same name, later directory)");
    }

    [TestMethod]
    public void With_quiet_a_valid_config_prints_nothing_and_an_invalid_one_prints_its_errors()
    {
        using var machine = new TempDirectory();
        machine.Write("etc/pinger/config.d/50-level.toml", "[reporting]\nlevel = \"minimal\"\n");

        var valid = PingerProcess.Run("check-config", "--quiet", "--root", machine.Path);
        machine.Write("etc/pinger/config.d/60-typo.toml", "[reporting]\nlevle = \"full\"\n");
        var invalid = PingerProcess.Run("check-config", "--quiet", "--root", machine.Path);

        Assert.AreEqual(ExitCodes.Ok, valid.ExitCode, valid.ToString());
        Assert.IsEmpty(valid.StandardOutput);
        Assert.AreEqual(string.Empty, valid.StandardError);
        Assert.AreEqual(ExitCodes.InvalidConfig, invalid.ExitCode, invalid.ToString());
        StringAssert.Contains(invalid.StandardError, "'reporting.levle': unknown key");
        StringAssert.Contains(invalid.StandardError, "the configuration is invalid (1 error): nothing is collected or sent");
    }

    [TestMethod]
    public void A_key_written_twice_gets_a_hint_about_the_duplicate_not_about_quotes()
    {
        using var machine = new TempDirectory();
        var file = machine.Write("etc/pinger/config.d/50-level.toml", "[reporting]\nlevel = \"full\"\nlevel = \"minimal\"\n");

        var check = PingerProcess.Run("check-config", "--root", machine.Path);

        Assert.AreEqual(ExitCodes.InvalidConfig, check.ExitCode, check.ToString());
        StringAssert.Contains(check.StandardError, $"pinger: error: {file}:3:");
        StringAssert.Contains(check.StandardError, "(hint: each key may be set once per file");
        Assert.DoesNotContain("strings need double quotes", check.StandardError);
    }

    [TestMethod]
    public void Run_in_place_the_client_reads_the_config_d_shipped_beside_it()
    {
        var shipped = Path.Combine(PublishedTree.Path, "usr", "lib", "pinger", "config.d", "10-defaults.toml");
        Assert.IsTrue(File.Exists(shipped), "the published tree ships no config.d");

        var check = PingerProcess.Run("check-config");

        StringAssert.Contains(check.Output, "  " + Path.GetFullPath(shipped) + "\n", check.ToString());
        StringAssert.Contains(check.Output, $"Level: minimal, from reporting.level at {Path.GetFullPath(shipped)}:");
    }
}
