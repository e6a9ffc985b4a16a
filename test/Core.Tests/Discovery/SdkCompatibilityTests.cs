using Pinger.Core.Discovery;
using Pinger.Plugins.Sdk;

namespace Pinger.Core.Tests.Discovery;

[TestClass]
public sealed class SdkCompatibilityTests
{
    [TestMethod]
    public void A_plugin_built_against_a_newer_major_SDK_is_refused_before_any_of_its_code_runs_naming_it_and_both_versions()
    {
        using var folder = new PluginFolder().WithMisbehavingPlugin();
        var installed = TestPluginBuilds.Install(TestPluginBuilds.FutureSdk, folder.Path, "future");

        var catalog = new PluginProbeLoader().Load([new ProbeSearchPath(folder.Path, ProbeOrigin.Admin)]);

        var refused = catalog.Failures.Single(f => f.Name == "future");
        Assert.AreEqual(Path.Combine(installed, "Pinger.TestPlugins.FutureSdk.dll"), refused.Path);
        Assert.AreEqual(
            $"plugin 'future' is built against Pinger.Plugins.Sdk 99.0, a newer major version than this host's {PluginSdkReference.HostVersion.ToString(2)}: "
            + $"update pinger, or install a build of the plugin made for SDK {PluginSdkReference.HostVersion.Major}.x",
            refused.Message);
        CollectionAssert.DoesNotContain(catalog.Probes.Select(p => p.Id).ToArray(), "future-sdk");
        Assert.IsFalse(AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "Pinger.TestPlugins.FutureSdk"),
            "the refused plugin's assembly must not even be loaded");
        Assert.IsTrue(catalog.Probes.Any(p => p.Id == "well-behaved"), "the other plugins still load");
    }

    [TestMethod]
    public void A_plugin_built_against_an_older_SDK_loads_runs_and_shows_the_version_it_was_built_against()
    {
        using var folder = new PluginFolder();
        TestPluginBuilds.Install(TestPluginBuilds.OlderSdk, folder.Path, "older");

        var catalog = new PluginProbeLoader().Load([new ProbeSearchPath(folder.Path, ProbeOrigin.Admin)]);

        Assert.IsEmpty(catalog.Failures, string.Join("; ", catalog.Failures));
        var probe = catalog.Probes.Single();
        Assert.AreEqual("older-sdk", probe.Id);
        Assert.AreEqual(new Version(0, 1), probe.SdkVersion);
        Assert.IsTrue(probe.IsThirdParty);
        var result = probe.Probe.CollectAsync(new Plugins.Sdk.Testing.FixtureProbeContext("/nonexistent", probe.Descriptor), default).Result;
        Assert.AreEqual(ProbeOutcome.Collected, result.Outcome);
    }

    [TestMethod]
    public void The_host_reports_its_own_SDK_version_for_plugins_built_with_it()
    {
        using var folder = new PluginFolder().WithMisbehavingPlugin();

        var catalog = new PluginProbeLoader().Load([new ProbeSearchPath(folder.Path, ProbeOrigin.Distribution)]);

        Assert.AreEqual(new Version(2, 0), PluginSdkReference.HostVersion);
        Assert.IsTrue(catalog.Probes.All(p => p.SdkVersion == PluginSdkReference.HostVersion && !p.IsThirdParty));
    }

    [TestMethod]
    [DataRow("1.0", "1.0", null)]
    [DataRow("1.0", "1.3", null)]
    [DataRow("0.1", "1.3", null)]
    [DataRow("1.4", "1.3", "built against Pinger.Plugins.Sdk 1.4, newer than this host's 1.3: update pinger, or install a build of the plugin made against SDK 1.3 or older")]
    [DataRow("2.0", "1.3", "built against Pinger.Plugins.Sdk 2.0, a newer major version than this host's 1.3: update pinger, or install a build of the plugin made for SDK 1.x")]
    public void Compatibility_follows_the_SDK_version_rules(string plugin, string host, string? problem)
    {
        Assert.AreEqual(problem, PluginSdkReference.Incompatibility(Version.Parse(plugin), Version.Parse(host)));
    }

    [TestMethod]
    public void An_assembly_that_does_not_reference_the_SDK_is_reported_as_holding_no_probe()
    {
        using var folder = new PluginFolder();
        var directory = Directory.CreateDirectory(Path.Combine(folder.Path, "not-a-probe")).FullName;
        File.Copy(typeof(Assert).Assembly.Location, Path.Combine(directory, "not-a-probe.dll"));

        var catalog = new PluginProbeLoader().Load([new ProbeSearchPath(folder.Path, ProbeOrigin.Admin)]);

        Assert.AreEqual("the assembly does not reference Pinger.Plugins.Sdk, so it holds no probe", catalog.Failures.Single().Message);
    }
}
