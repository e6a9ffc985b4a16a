using Pinger.Core.Discovery;

namespace Pinger.Core.Tests.Discovery;

[TestClass]
public sealed class PluginProbeLoaderTests
{
    [TestMethod]
    public void Loads_every_probe_of_a_plugin_and_isolates_one_that_cannot_be_created()
    {
        using var folder = new PluginFolder().WithMisbehavingPlugin();

        var catalog = new PluginProbeLoader().Load([new ProbeSearchPath(folder.Path, ProbeOrigin.Distribution)]);

        CollectionAssert.AreEqual(
            new[] { "hanging", "level-escaping", "stdout-writing", "throwing", "undeclared-field", "well-behaved" },
            catalog.Probes.Select(p => p.Id).ToArray());
        var failure = catalog.Failures.Single();
        Assert.AreEqual("misbehaving", failure.Name);
        StringAssert.Contains(failure.Message, "ThrowingConstructorProbe");
        // Its exception's message is the plugin's own text, and could hold what it read: only the type is told.
        StringAssert.Contains(failure.Message, "threw NotSupportedException");
        Assert.DoesNotContain("this probe refuses to be created", failure.Message);
    }

    [TestMethod]
    public void A_plugin_that_is_not_an_assembly_is_reported_and_the_others_still_load()
    {
        using var folder = new PluginFolder().WithCorruptPlugin("broken").WithMisbehavingPlugin();

        var catalog = new PluginProbeLoader().Load([new ProbeSearchPath(folder.Path, ProbeOrigin.Distribution)]);

        Assert.HasCount(6, catalog.Probes);
        var broken = catalog.Failures.Single(f => f.Name == "broken");
        StringAssert.StartsWith(broken.Message, "not a .NET assembly");
    }

    [TestMethod]
    [DataRow("{}", "no runtimeTarget.name")]
    [DataRow("[]", "no runtimeTarget.name")]
    [DataRow("garbage", "unreadable: ")]
    [DataRow("{\"runtimeTarget\":{\"name\":\"x\"},\"targets\":{\"x\":{\"p/1\":{}}},\"libraries\":{\"p/1\":{\"type\":\"project\"}}}", "library 'p/1' lacks type, serviceable or sha512")]
    public void A_malformed_dependency_manifest_is_refused_before_the_runtime_reads_it(string manifest, string problem)
    {
        using var folder = new PluginFolder().WithManifest("bad-manifest", manifest).WithMisbehavingPlugin();

        var catalog = new PluginProbeLoader().Load([new ProbeSearchPath(folder.Path, ProbeOrigin.Distribution)]);

        Assert.HasCount(6, catalog.Probes);
        StringAssert.StartsWith(catalog.Failures.Single(f => f.Name == "bad-manifest").Message, "malformed dependency manifest (.deps.json): " + problem);
    }

    [TestMethod]
    public void A_plugin_directory_without_an_assembly_is_reported()
    {
        using var folder = new PluginFolder().WithEmptyPlugin("nothing");

        var catalog = new PluginProbeLoader().Load([new ProbeSearchPath(folder.Path, ProbeOrigin.Admin)]);

        Assert.IsEmpty(catalog.Probes);
        StringAssert.StartsWith(catalog.Failures.Single().Message, "no plugin assembly");
    }

    [TestMethod]
    public void A_probe_id_already_provided_is_refused_naming_both_assemblies()
    {
        using var distribution = new PluginFolder().WithMisbehavingPlugin("first");
        using var admin = new PluginFolder().WithMisbehavingPlugin("second");

        var catalog = new PluginProbeLoader().Load(
        [
            new ProbeSearchPath(distribution.Path, ProbeOrigin.Distribution),
            new ProbeSearchPath(admin.Path, ProbeOrigin.Admin),
        ]);

        Assert.IsTrue(catalog.Probes.All(p => p.Origin == ProbeOrigin.Distribution));
        var refused = catalog.Failures.First(f => f.Name == "second" && f.Message.Contains("'well-behaved'", StringComparison.Ordinal));
        StringAssert.Contains(refused.Message, Path.Combine(distribution.Path, "first"));
        StringAssert.Contains(refused.Path, Path.Combine(admin.Path, "second"));
    }

    [TestMethod]
    public void A_missing_search_directory_is_simply_empty()
    {
        var catalog = new PluginProbeLoader().Load([new ProbeSearchPath("/nonexistent/pinger/probes", ProbeOrigin.Admin)]);

        Assert.IsEmpty(catalog.Probes);
        Assert.IsEmpty(catalog.Failures);
    }
}
