using Pinger.Host.Tests.EndToEnd;

namespace Pinger.Host.Tests.Config;

/// <summary>
/// Probe settings are checked against the probe's declarations (range, URL scheme) by the published <c>pinger</c>
/// before anything is collected: an out-of-range or unusable value is an error at its file, line and key, exit 3.
/// </summary>
[TestClass]
public sealed class ProbeSettingCheckTests
{
    public static IEnumerable<object[]> Cases() =>
    [
        ["metadata_timeout_ms = 10000", "'probes.instance-type.metadata_timeout_ms': 10000 is out of range (hint: give a number from 100 to 4000)"],
        ["metadata_timeout_ms = 99", "'probes.instance-type.metadata_timeout_ms': 99 is out of range (hint: give a number from 100 to 4000)"],
        ["metadata_endpoint = \"ftp://x\"", "'probes.instance-type.metadata_endpoint': not a URL this setting accepts (hint: write a full URL starting with http://)"],
    ];

    public static IEnumerable<object[]> Commands() => [["check-config"], ["--dry-run"], ["run"]];

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Check_config_rejects_a_value_the_declaration_does_not_allow_at_its_file_line_and_key(string setting, string error)
    {
        using var config = new TempDirectory();
        var file = config.Write("50-probes.toml", "[probes.instance-type]\nmetadata_fallback = true\n" + setting + "\n");

        var outcome = PingerProcess.Run("check-config", "--root", TestPaths.FixtureRoot("fcos-aws"), "--config-dir", config.Path);

        Assert.AreEqual(ExitCodes.InvalidConfig, outcome.ExitCode, outcome.ToString());
        StringAssert.Contains(outcome.StandardError, $"pinger: error: {file}:3:1: {error}");
        Assert.DoesNotContain("Configuration is valid", outcome.Output);
    }

    [TestMethod]
    [DynamicData(nameof(Commands))]
    public void Nothing_is_collected_with_an_out_of_range_probe_setting(string command)
    {
        using var machine = new TempDirectory();
        var file = machine.Write("etc/pinger/config.d/50-probes.toml", "[reporting]\nserver = \"http://127.0.0.1:9/\"\n[probes.instance-type]\nmetadata_timeout_ms = 10000\n");

        var outcome = PingerProcess.Run(command, "--root", machine.Path, "--state-dir", Path.Combine(machine.Path, "state"), "--runtime-dir", Path.Combine(machine.Path, "runtime"));

        Assert.AreEqual(ExitCodes.InvalidConfig, outcome.ExitCode, outcome.ToString());
        Assert.IsEmpty(outcome.StandardOutput);
        StringAssert.Contains(outcome.StandardError, $"{file}:4:1: 'probes.instance-type.metadata_timeout_ms': 10000 is out of range");
    }

    [TestMethod]
    public void Values_inside_the_declared_range_and_scheme_pass()
    {
        using var config = new TempDirectory();
        config.Write("50-probes.toml", "[probes.instance-type]\nmetadata_timeout_ms = 4000\nmetadata_endpoint = \"http://127.0.0.1:8080\"\n");

        var outcome = PingerProcess.Run("check-config", "--root", TestPaths.FixtureRoot("fcos-aws"), "--config-dir", config.Path);

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
    }
}
