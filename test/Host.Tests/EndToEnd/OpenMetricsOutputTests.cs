using System.Globalization;
using System.Text.Json.Nodes;
using Pinger.Testing.Prometheus;

namespace Pinger.Host.Tests.EndToEnd;

/// <summary>
/// <c>pinger --dry-run --format=openmetrics</c> on the fixture roots: text promtool accepts, carrying every value of
/// the JSON report under its probe's and field's name, and nothing that is not a fact about the machine.
/// </summary>
[TestClass]
public sealed class OpenMetricsOutputTests
{
    private static readonly Dictionary<string, string> FixedNow = new() { ["PINGER_NOW"] = "2026-11-27T10:00:00Z" };

    [TestMethod]
    [DataRow("metal-server", "full")]
    [DataRow("docker-host", "full")]
    [DataRow("laptop-wifi", "full")]
    [DataRow("fcos-aws", "minimal")]
    [DataRow("planted-secrets", "full")]
    public void Every_value_of_the_report_is_a_sample_and_promtool_accepts_the_text(string root, string level)
    {
        using var state = new TempDirectory();
        var json = DryRun(state.Path, root, level, "json");
        var text = DryRun(state.Path, root, level, "openmetrics");

        Promtool.AssertValid(text, $"the OpenMetrics dry-run of {root} at {level}");
        Assert.EndsWith("\n# EOF\n", text);
        var report = JsonNode.Parse(json)!.AsObject();
        StringAssert.Contains(text, $"pinger_report_info{{level=\"{level}\"}} 1\n");
        StringAssert.Contains(text, $"pinger_sys_age {(int)report["age"]!}\n");
        foreach (var (probe, values) in report["probes"]!.AsObject())
        {
            var prefix = "pinger_" + probe.Replace('-', '_');
            foreach (var (field, value) in values!.AsObject())
            {
                var name = field.Replace('-', '_');
                switch (value)
                {
                    case JsonArray items:
                        StringAssert.Contains(text, $"# TYPE {prefix}_{name}_info gauge\n");
                        foreach (var item in items)
                        {
                            StringAssert.Contains(text, $"{prefix}_{name}_info{{{name}=\"{(string)item!}\"}} 1\n");
                        }

                        break;
                    case JsonValue v when v.TryGetValue<string>(out var token):
                        Assert.IsTrue(text.Split('\n').Any(l => l.StartsWith(prefix + "_info{", StringComparison.Ordinal) && l.Contains($"{name}=\"{token}\"", StringComparison.Ordinal)), $"{probe}.{field}={token}\n{text}");
                        break;
                    case JsonValue v when v.TryGetValue<bool>(out var yes):
                        StringAssert.Contains(text, $"\n{prefix}_{name} {(yes ? 1 : 0)}\n");
                        break;
                    default:
                        StringAssert.Contains(text, $"\n{prefix}_{name} {((long)value!).ToString(CultureInfo.InvariantCulture)}\n");
                        break;
                }
            }
        }

        Assert.DoesNotContain((string)report["nonce"]!, text, "the nonce is not a fact about the machine");
        Assert.DoesNotContain("2026-11-23", text, "nor are the windows");
    }

    [TestMethod]
    public void Sizes_carry_their_unit_and_the_value_the_report_sends()
    {
        using var state = new TempDirectory();

        var text = DryRun(state.Path, "metal-server", "full", "openmetrics");

        StringAssert.Contains(text, "# TYPE pinger_hardware_memory_bytes gauge\n# UNIT pinger_hardware_memory_bytes bytes\npinger_hardware_memory_bytes 68719476736\n");
        StringAssert.Contains(text, "# UNIT pinger_hardware_disk_total_bytes bytes\npinger_hardware_disk_total_bytes 8796093022208\n");
        StringAssert.Contains(text, "pinger_os_versions_info{id=\"fedora\",version_id=\"41\",variant_id=\"coreos\",version=\"41.20241109.3.0\",original_version=\"39.20231101.3.0\",stream=\"stable\",machine=\"x86_64\"} 1\n");
    }

    [TestMethod]
    public void An_unknown_format_is_refused_naming_the_formats()
    {
        var outcome = PingerProcess.Run("--dry-run", "--format", "yaml", "--root", TestPaths.FixtureRoot("fcos-aws"), "--config-dir", TestPaths.FixtureConfig("minimal"));

        Assert.AreEqual(ExitCodes.Usage, outcome.ExitCode, outcome.ToString());
        StringAssert.Contains(outcome.StandardError, "yaml");
        StringAssert.Contains(outcome.StandardError, "openmetrics");
        Assert.IsEmpty(outcome.StandardOutput);
    }

    private static string DryRun(string stateDirectory, string root, string level, string format)
    {
        var outcome = PingerProcess.Run(FixedNow, "--dry-run", "--format", format, "--root", TestPaths.FixtureRoot(root), "--config-dir", TestPaths.FixtureConfig(level), "--state-dir", stateDirectory);
        Assert.IsTrue(outcome.ExitCode is ExitCodes.Ok or ExitCodes.PartialReport, outcome.ToString());
        return outcome.Output;
    }
}
