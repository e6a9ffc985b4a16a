using Pinger.Configuration;
using Pinger.Plugins.Sdk;

namespace Pinger.Core.Tests.Config;

/// <summary>A probe setting's value is checked against its declaration's range, URL schemes and values.</summary>
[TestClass]
public sealed class ProbeSettingConstraintTests
{
    private static readonly ProbeDescriptor Probe = new(
        "metadata",
        "Test probe with constrained settings.",
        MetricsLevel.Minimal,
        enabledByDefault: true,
        TimeSpan.FromSeconds(1),
        [FieldDeclaration.Boolean("found", MetricsLevel.Minimal, "Found.")],
        [
            SettingDeclaration.Integer("timeout_ms", 1500, "How long.", 100, 4000),
            SettingDeclaration.Url("endpoint", "http://169.254.169.254", "Where.", "http"),
            SettingDeclaration.OneOf("mode", "fast", "How.", "fast", "thorough"),
            SettingDeclaration.Integer("free", 1, "Unbounded."),
        ]);

    [TestMethod]
    [DataRow("timeout_ms = 10000", "10000 is out of range", "give a number from 100 to 4000")]
    [DataRow("timeout_ms = 99", "99 is out of range", "give a number from 100 to 4000")]
    [DataRow("endpoint = \"ftp://x\"", "not a URL this setting accepts", "write a full URL starting with http://")]
    [DataRow("endpoint = \"not a url\"", "not a URL this setting accepts", "write a full URL starting with http://")]
    [DataRow("endpoint = \"http://u:p@x/\"", "the URL must not contain credentials", "keep only scheme, host, port and path")]
    [DataRow("mode = \"thorogh\"", "unknown value \"thorogh\"", "did you mean \"thorough\"? Values: \"fast\", \"thorough\"")]
    public void A_value_outside_the_declaration_is_an_error_at_its_line_and_key(string line, string message, string hint)
    {
        using var machine = new TempMachine().Write("/etc/pinger/config.d/50-probes.toml", "[probes.metadata]\n" + line + "\n");

        var error = ConfigTestBed.SingleError(ConfigTestBed.Load(machine, KnownProbes.Of([Probe])));

        Assert.AreEqual(2, error.Location!.Line);
        Assert.AreEqual("probes.metadata." + line.Split(' ')[0], error.Key);
        Assert.AreEqual(message, error.Message);
        Assert.AreEqual(hint, error.Hint);
    }

    [TestMethod]
    public void Values_inside_the_declaration_and_unconstrained_settings_pass()
    {
        using var machine = new TempMachine().Write("/etc/pinger/config.d/50-probes.toml",
            "[probes.metadata]\ntimeout_ms = 4000\nendpoint = \"http://127.0.0.1:8080\"\nmode = \"thorough\"\nfree = 99999\n");

        var result = ConfigTestBed.Load(machine, KnownProbes.Of([Probe]));

        Assert.IsTrue(result.IsValid, string.Join("\n", result.Diagnostics));
    }
}
