using System.Text.Json.Nodes;
using Pinger.Host.Tests.EndToEnd;

namespace Pinger.Host.Tests.ThirdParty;

/// <summary>A third-party probe as an admin installs, inspects, switches off and serves it, through the published pinger.</summary>
[TestClass]
public sealed class ThirdPartyProbeTests
{
    private static string KubernetesRoot(string name) =>
        Path.Combine(TestPaths.RepositoryRoot, "contrib", "probes", "kubernetes", "tests", "fixtures", "roots", name);

    [TestMethod]
    public void An_installed_probe_is_listed_apart_as_third_party_with_the_SDK_version_it_was_built_against()
    {
        using var plugins = new ThirdPartyPlugins();
        var installed = plugins.Install(ThirdPartyPlugins.Kubernetes, "kubernetes");

        var outcome = PingerProcess.Run(["probes", "--root", KubernetesRoot("rke2-server"), "--config-dir", TestPaths.FixtureConfig("minimal"), .. plugins.ProbeDirArguments]);

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        var thirdParty = outcome.Output[outcome.Output.IndexOf("Third-party probes (1):", StringComparison.Ordinal)..];
        StringAssert.StartsWith(thirdParty, "Third-party probes (1):\n\nkubernetes: ");
        StringAssert.Contains(thirdParty, $"  source:   {Path.Combine(installed, "Pinger.Contrib.Kubernetes.dll")} (third-party, installed by the admin)");
        StringAssert.Contains(thirdParty, "  sdk:      built against Pinger.Plugins.Sdk 2.0 (this pinger: 2.0)");
        StringAssert.Contains(thirdParty, "  now:      runs: on by default");
        StringAssert.Contains(outcome.Output, $"  source:   {Path.Combine(PublishedTree.Probes, "platform", "Pinger.Probes.Platform.dll")} (distribution)");
    }

    [TestMethod]
    public void Its_fields_are_in_the_report_of_a_dry_run()
    {
        using var plugins = new ThirdPartyPlugins();
        plugins.Install(ThirdPartyPlugins.Kubernetes, "kubernetes");

        var outcome = PingerProcess.Run(["--dry-run", "--root", KubernetesRoot("rke2-server"), "--config-dir", TestPaths.FixtureConfig("minimal"), .. plugins.ProbeDirArguments]);

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        var kubernetes = JsonNode.Parse(outcome.Output)!["probes"]!["kubernetes"]!;
        Assert.AreEqual("rke2", (string?)kubernetes["distribution"]);
        Assert.AreEqual("v1.31", (string?)kubernetes["kubernetes_version"]);
        Assert.IsNull(kubernetes["control_plane"], "control_plane is a full-level field");
    }

    [TestMethod]
    [DataRow("[reporting]\nthird_party_probes = false\n[probes.kubernetes]\nenabled = true\n", "third-party probes are off (reporting.third_party_probes = false at ")]
    [DataRow("[probes.kubernetes]\nenabled = false\n", "disabled at ")]
    public void The_admin_switches_it_off_by_id_or_with_every_third_party_probe(string toml, string reason)
    {
        using var plugins = new ThirdPartyPlugins();
        plugins.Install(ThirdPartyPlugins.Kubernetes, "kubernetes");
        using var config = new TempDirectory();
        config.Write("50-admin.toml", "[reporting]\nlevel = \"minimal\"\n");
        config.Write("60-probes.toml", toml);

        var dryRun = PingerProcess.Run(["--dry-run", "--root", KubernetesRoot("rke2-server"), "--config-dir", config.Path, .. plugins.ProbeDirArguments]);
        var probes = PingerProcess.Run(["probes", "--root", KubernetesRoot("rke2-server"), "--config-dir", config.Path, .. plugins.ProbeDirArguments]);

        Assert.AreEqual(ExitCodes.Ok, dryRun.ExitCode, dryRun.ToString());
        var report = JsonNode.Parse(dryRun.Output)!["probes"]!.AsObject();
        Assert.IsFalse(report.ContainsKey("kubernetes"), dryRun.Output);
        Assert.IsTrue(report.ContainsKey("platform"), "the distribution's probes still run");
        StringAssert.Contains(probes.Output, "  now:      skipped: " + reason);
    }

    [TestMethod]
    public void A_probe_whose_id_is_taken_is_refused_naming_both_files_and_the_first_one_still_reports()
    {
        using var plugins = new ThirdPartyPlugins();
        var first = plugins.Install(ThirdPartyPlugins.Kubernetes, "kubernetes");
        var second = plugins.Install(ThirdPartyPlugins.Kubernetes, "kubernetes-copy");

        var outcome = PingerProcess.Run(["--dry-run", "--root", KubernetesRoot("rke2-server"), "--config-dir", TestPaths.FixtureConfig("minimal"), .. plugins.ProbeDirArguments]);

        Assert.AreEqual(ExitCodes.PartialReport, outcome.ExitCode, outcome.ToString());
        Assert.AreEqual("rke2", (string?)JsonNode.Parse(outcome.Output)!["probes"]!["kubernetes"]!["distribution"]);
        StringAssert.Contains(outcome.StandardError,
            $"probe plugin {Path.Combine(second, "Pinger.Contrib.Kubernetes.dll")} not loaded: probe id 'kubernetes' is already provided by {Path.Combine(first, "Pinger.Contrib.Kubernetes.dll")}; this one is refused");
    }

    [TestMethod]
    public void A_plugin_built_against_a_newer_SDK_is_refused_with_both_versions_and_the_rest_still_reports()
    {
        using var plugins = new ThirdPartyPlugins();
        var future = plugins.Install(ThirdPartyPlugins.FutureSdk, "future");

        var dryRun = PingerProcess.Run(["--dry-run", "--root", TestPaths.FixtureRoot("fcos-aws"), "--config-dir", TestPaths.FixtureConfig("minimal"), .. plugins.ProbeDirArguments]);
        var probes = PingerProcess.Run(["probes", "--root", TestPaths.FixtureRoot("fcos-aws"), "--config-dir", TestPaths.FixtureConfig("minimal"), .. plugins.ProbeDirArguments]);

        Assert.AreEqual(ExitCodes.PartialReport, dryRun.ExitCode, dryRun.ToString());
        Assert.IsTrue(JsonNode.Parse(dryRun.Output)!["probes"]!.AsObject().ContainsKey("platform"));
        var message = "plugin 'future' is built against Pinger.Plugins.Sdk 99.0, a newer major version than this host's 2.0: update pinger, or install a build of the plugin made for SDK 2.x";
        StringAssert.Contains(dryRun.StandardError, $"probe plugin {Path.Combine(future, "Pinger.TestPlugins.FutureSdk.dll")} not loaded: {message}");
        StringAssert.Contains(probes.Output, $"future: NOT LOADED from {Path.Combine(future, "Pinger.TestPlugins.FutureSdk.dll")}: {message}");
    }

    [TestMethod]
    public void Schema_output_to_a_file_is_written_whole_and_leaves_nothing_else_in_the_directory()
    {
        using var plugins = new ThirdPartyPlugins();
        plugins.Install(ThirdPartyPlugins.Kubernetes, "kubernetes");
        using var schemaDirectory = new TempDirectory();
        var file = Path.Combine(schemaDirectory.Path, "kubernetes.json");
        schemaDirectory.Write("kubernetes.json", "{ \"an older\": \"file\" }\n");

        var printed = PingerProcess.Run("schema", "--probe-dir", plugins.Path);
        var written = PingerProcess.Run("schema", "--probe-dir", plugins.Path, "--output", file);
        var unwritable = PingerProcess.Run("schema", "--probe-dir", plugins.Path, "--output", Path.Combine(schemaDirectory.Path, "no-such-directory", "x.json"));

        Assert.AreEqual(ExitCodes.Ok, written.ExitCode, written.ToString());
        Assert.IsEmpty(written.StandardOutput);
        Assert.AreEqual(printed.Output, File.ReadAllText(file));
        CollectionAssert.AreEqual(new[] { file }, Directory.GetFileSystemEntries(schemaDirectory.Path), "the temporary file was renamed into place");
        Assert.AreEqual(ExitCodes.Failure, unwritable.ExitCode, unwritable.ToString());
        StringAssert.Contains(unwritable.StandardError, "cannot write the schema file " + Path.Combine(schemaDirectory.Path, "no-such-directory", "x.json"));
    }

    [TestMethod]
    public void The_committed_schema_file_is_what_pinger_schema_writes_and_the_README_lists_every_field()
    {
        using var plugins = new ThirdPartyPlugins();
        plugins.Install(ThirdPartyPlugins.Kubernetes, "kubernetes");
        var directory = Path.Combine(TestPaths.RepositoryRoot, "contrib", "probes", "kubernetes");

        var outcome = PingerProcess.Run("schema", "--probe-dir", plugins.Path);

        Assert.AreEqual(ExitCodes.Ok, outcome.ExitCode, outcome.ToString());
        Assert.AreEqual(File.ReadAllText(Path.Combine(directory, "schema", "kubernetes.json")), outcome.Output,
            "regenerate contrib/probes/kubernetes/schema/kubernetes.json with pinger schema --probe-dir (see its README)");
        var readme = File.ReadAllText(Path.Combine(directory, "README.md"));
        foreach (var field in JsonNode.Parse(outcome.Output)!["probes"]!["kubernetes"]!["fields"]!.AsObject())
        {
            StringAssert.Contains(readme, $"| `{field.Key}` | {(string?)field.Value!["level"]} |");
        }
    }
}
