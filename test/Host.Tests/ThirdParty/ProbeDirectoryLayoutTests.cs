using System.Text.Json.Nodes;
using Pinger.Host.Tests.EndToEnd;

namespace Pinger.Host.Tests.ThirdParty;

/// <summary>
/// Probe directories as an admin may get them wrong: a <c>--probe-dir</c> that does not exist, a plugin copied over itself
/// (nested one level down), plugin files dropped straight into the probe directory, a plugin shipping its own SDK.
/// </summary>
[TestClass]
public sealed class ProbeDirectoryLayoutTests
{
    private static string Rke2 => Path.Combine(TestPaths.RepositoryRoot, "contrib", "probes", "kubernetes", "tests", "fixtures", "roots", "rke2-server");

    [TestMethod]
    public void A_probe_dir_that_does_not_exist_is_an_error_naming_it_and_nothing_is_collected()
    {
        using var plugins = new ThirdPartyPlugins();
        var missing = Path.Combine(plugins.Path, "out");

        var outcome = PingerProcess.Run("--dry-run", "--root", Rke2, "--config-dir", TestPaths.FixtureConfig("minimal"),
            "--probe-dir", PublishedTree.Probes, "--probe-dir", missing);

        Assert.AreEqual(ExitCodes.Usage, outcome.ExitCode, outcome.ToString());
        Assert.IsEmpty(outcome.StandardOutput);
        StringAssert.Contains(outcome.StandardError, $"pinger: error: --probe-dir {missing}: no such directory");
    }

    [TestMethod]
    public void A_plugin_copied_over_itself_is_warned_about_naming_the_nested_copy_that_is_not_loaded()
    {
        using var plugins = new ThirdPartyPlugins();
        var installed = plugins.Install(ThirdPartyPlugins.Kubernetes, "kubernetes");
        // What "cp -r out/kubernetes /etc/pinger/probes/kubernetes" does the second time.
        plugins.Install(ThirdPartyPlugins.Kubernetes, Path.Combine("kubernetes", "kubernetes"));

        var outcome = PingerProcess.Run(["probes", "--root", Rke2, "--config-dir", TestPaths.FixtureConfig("minimal"), .. plugins.ProbeDirArguments]);

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        StringAssert.Contains(outcome.StandardError, $"{Path.Combine(installed, "kubernetes")}/ is a second copy of the plugin inside its own directory, and is not loaded");
        StringAssert.Contains(outcome.Output, "Third-party probes (1):");
    }

    [TestMethod]
    public void Plugin_files_copied_straight_into_the_probe_directory_are_warned_about_and_not_loaded()
    {
        using var plugins = new ThirdPartyPlugins();
        // What "cp -r out/kubernetes /etc/pinger/probes/" gives when /etc/pinger/probes does not exist yet.
        foreach (var file in Directory.EnumerateFiles(ThirdPartyPlugins.Kubernetes))
        {
            File.Copy(file, Path.Combine(plugins.Path, Path.GetFileName(file)));
        }

        var outcome = PingerProcess.Run(["--dry-run", "--root", Rke2, "--config-dir", TestPaths.FixtureConfig("minimal"), .. plugins.ProbeDirArguments]);

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        StringAssert.Contains(outcome.StandardError, $"{plugins.Path} holds plugin files directly (Pinger.Contrib.Kubernetes.dll), which are never loaded");
        Assert.IsFalse(JsonNode.Parse(outcome.Output)!["probes"]!.AsObject().ContainsKey("kubernetes"));
    }

    [TestMethod]
    public void A_plugin_shipping_its_own_SDK_is_warned_about_and_still_loads_with_the_host_SDK()
    {
        using var plugins = new ThirdPartyPlugins();
        var installed = plugins.Install(ThirdPartyPlugins.Kubernetes, "kubernetes");
        var sdk = Path.Combine(TestPaths.RepositoryRoot, "Plugins.Sdk", "bin", TestPaths.Configuration, "net10.0", "Pinger.Plugins.Sdk.dll");
        File.Copy(sdk, Path.Combine(installed, "Pinger.Plugins.Sdk.dll"));

        var outcome = PingerProcess.Run(["--dry-run", "--root", Rke2, "--config-dir", TestPaths.FixtureConfig("minimal"), .. plugins.ProbeDirArguments]);

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        StringAssert.Contains(outcome.StandardError, $"{Path.Combine(installed, "Pinger.Plugins.Sdk.dll")}: the plugin ships its own copy of the SDK, which is never used");
        Assert.IsTrue(JsonNode.Parse(outcome.Output)!["probes"]!.AsObject().ContainsKey("kubernetes"));
    }

    [TestMethod]
    public void At_level_full_a_root_holding_only_what_a_third_party_probe_reads_is_no_partial_report()
    {
        using var plugins = new ThirdPartyPlugins();
        plugins.Install(ThirdPartyPlugins.Kubernetes, "kubernetes");

        var outcome = PingerProcess.Run(["--dry-run", "--root", Rke2, "--config-dir", TestPaths.FixtureConfig("full"), .. plugins.ProbeDirArguments]);

        // Hardware and network find no /proc/cpuinfo or /sys/class/net there: not applicable, not failed.
        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        Assert.AreEqual("rke2", (string?)JsonNode.Parse(outcome.Output)!["probes"]!["kubernetes"]!["distribution"]);
    }
}
