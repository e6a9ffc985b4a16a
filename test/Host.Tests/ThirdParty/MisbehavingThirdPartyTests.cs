using System.Text.Json.Nodes;
using Pinger.Host.Tests.EndToEnd;

namespace Pinger.Host.Tests.ThirdParty;

/// <summary>
/// Third-party probes that try to get around the host's rules: each is left out of the report, says why on standard
/// error, and neither delays the run past its budget nor touches what standard output carries.
/// </summary>
[TestClass]
public sealed class MisbehavingThirdPartyTests
{
    // PingerProcess stops a run after a minute (a hang guard): a run that ends was not held by a plugin.
    private static PingerOutcome DryRunWithSneakyPlugins()
    {
        using var plugins = new ThirdPartyPlugins();
        plugins.Install(ThirdPartyPlugins.Sneaky, "sneaky");
        return PingerProcess.Run(["--dry-run", "--root", TestPaths.FixtureRoot("fcos-aws"), "--config-dir", TestPaths.FixtureConfig("minimal"), .. plugins.ProbeDirArguments]);
    }

    [TestMethod]
    public void A_probe_cannot_widen_its_own_level_by_changing_its_descriptor_or_its_context()
    {
        var outcome = DryRunWithSneakyPlugins();

        var probes = JsonNode.Parse(outcome.Output)!["probes"]!.AsObject();
        Assert.IsFalse(probes.ContainsKey("level-widening"), outcome.ToString());
        StringAssert.Contains(outcome.StandardError, "probe level-widening: whole probe left out of the report: field 'detail' needs level full, level is minimal");
    }

    [TestMethod]
    public void A_probe_writing_to_file_descriptor_1_reaches_standard_error_never_the_report()
    {
        var outcome = DryRunWithSneakyPlugins();

        Assert.DoesNotContain("PLUGIN-WROTE-TO-FD-1", outcome.Output);
        StringAssert.Contains(outcome.StandardError, "PLUGIN-WROTE-TO-FD-1");
        var report = JsonNode.Parse(outcome.Output)!.AsObject();
        Assert.AreEqual("yes", (string?)report["probes"]!["raw-stdout"]!["answer"], "its declared value is still reported");
    }

    [TestMethod]
    public void A_probe_that_spins_forever_is_left_out_after_its_budget_and_the_run_still_ends()
    {
        var outcome = DryRunWithSneakyPlugins();

        Assert.AreEqual(ExitCodes.PartialReport, outcome.ExitCode, outcome.ToString());
        Assert.IsFalse(JsonNode.Parse(outcome.Output)!["probes"]!.AsObject().ContainsKey("busy-looping"));
        StringAssert.Contains(outcome.StandardError, "probe busy-looping: did not finish within its budget of 400 ms");
    }

    [TestMethod]
    public void A_plugin_that_hangs_while_being_created_is_left_out_after_the_load_budget_and_the_rest_still_reports()
    {
        using var plugins = new ThirdPartyPlugins();
        var slow = plugins.Install(ThirdPartyPlugins.SlowToLoad, "slow");

        var outcome = PingerProcess.Run(["--dry-run", "--root", TestPaths.FixtureRoot("fcos-aws"), "--config-dir", TestPaths.FixtureConfig("minimal"), .. plugins.ProbeDirArguments]);

        Assert.AreEqual(ExitCodes.PartialReport, outcome.ExitCode, outcome.ToString());
        Assert.IsTrue(JsonNode.Parse(outcome.Output)!["probes"]!.AsObject().ContainsKey("platform"));
        StringAssert.Contains(outcome.StandardError, $"probe plugin {Path.Combine(slow, "Pinger.TestPlugins.SlowToLoad.dll")} not loaded: Pinger.TestPlugins.SlowToLoad.HangingConstructorProbe did not finish being created within the load budget of 3000 ms; left out");
    }
}
