using System.Runtime.Loader;
using Pinger.Core.Discovery;

namespace Pinger.Core.Tests.Discovery;

[TestClass]
public sealed class SharedLoadContextTests
{
    [TestMethod]
    public void The_distributions_probes_share_one_load_context_apart_from_the_host()
    {
        using var folder = new PluginFolder().WithMisbehavingPlugin();
        TestPluginBuilds.Install(TestPluginBuilds.Trivial, folder.Path, "trivial");

        var catalog = new PluginProbeLoader().Load([new ProbeSearchPath(folder.Path, ProbeOrigin.Distribution)]);

        var shared = ContextOf(catalog, "well-behaved");
        Assert.AreSame(shared, ContextOf(catalog, "trivial"));
        Assert.AreSame(shared, ContextOf(catalog, "throwing"), "every probe of a plugin is in its context");
        Assert.AreNotSame(AssemblyLoadContext.Default, shared);
        Assert.IsTrue(catalog.Probes.All(p => p.Origin == ProbeOrigin.Distribution));
    }

    [TestMethod]
    public void Third_party_probes_each_keep_a_load_context_of_their_own()
    {
        using var distribution = new PluginFolder().WithMisbehavingPlugin();
        using var admin = new PluginFolder();
        TestPluginBuilds.Install(TestPluginBuilds.Trivial, admin.Path, "trivial");
        TestPluginBuilds.Install(TestPluginBuilds.Trivial, admin.Path, "trivial-too");

        var catalog = new PluginProbeLoader().Load(
        [
            new ProbeSearchPath(distribution.Path, ProbeOrigin.Distribution),
            new ProbeSearchPath(admin.Path, ProbeOrigin.Admin),
        ]);

        var contexts = new[] { "well-behaved", "trivial", "trivial-too" }.Select(id => ContextOf(catalog, id)).ToArray();
        Assert.HasCount(3, contexts.Distinct());
        Assert.DoesNotContain(AssemblyLoadContext.Default, contexts);
        Assert.IsFalse(catalog.Failures.Any(f => f.Name.StartsWith("trivial", StringComparison.Ordinal)), string.Join("; ", catalog.Failures));
    }

    [TestMethod]
    public void A_plugin_in_the_distribution_directory_that_ships_a_library_of_its_own_is_loaded_in_a_context_of_its_own()
    {
        using var folder = new PluginFolder().WithMisbehavingPlugin();
        var trivial = TestPluginBuilds.Install(TestPluginBuilds.Trivial, folder.Path, "trivial");
        File.Copy(typeof(Assert).Assembly.Location, Path.Combine(trivial, "Its.Own.Dependency.dll"));

        var catalog = new PluginProbeLoader().Load([new ProbeSearchPath(folder.Path, ProbeOrigin.Distribution)]);

        Assert.AreNotSame(ContextOf(catalog, "well-behaved"), ContextOf(catalog, "trivial"));
        Assert.AreEqual(
            "ships files of its own besides its assembly (Its.Own.Dependency.dll)",
            SharedContextRule.ReasonToIsolate(Path.Combine(trivial, "Pinger.TestPlugins.Trivial.dll"), PluginSdkReference.HostAssemblyVersion));
    }

    [TestMethod]
    public void A_plugin_in_the_distribution_directory_built_against_another_SDK_is_loaded_in_a_context_of_its_own()
    {
        using var folder = new PluginFolder().WithMisbehavingPlugin();
        var older = TestPluginBuilds.Install(TestPluginBuilds.OlderSdk, folder.Path, "older");

        var catalog = new PluginProbeLoader().Load([new ProbeSearchPath(folder.Path, ProbeOrigin.Distribution)]);

        Assert.IsFalse(catalog.Failures.Any(f => f.Name == "older"), string.Join("; ", catalog.Failures));
        Assert.AreNotSame(ContextOf(catalog, "well-behaved"), ContextOf(catalog, "older-sdk"));
        Assert.AreEqual(
            $"built against Pinger.Plugins.Sdk 0.1.0.0, not this host's {PluginSdkReference.HostAssemblyVersion}",
            SharedContextRule.ReasonToIsolate(Path.Combine(older, "Pinger.TestPlugins.OlderSdk.dll"), new Version(0, 1, 0, 0)));
    }

    [TestMethod]
    public void A_second_copy_of_a_distribution_plugin_is_loaded_apart_and_its_probe_ids_are_refused_as_taken()
    {
        using var folder = new PluginFolder().WithMisbehavingPlugin("first").WithMisbehavingPlugin("second");

        var catalog = new PluginProbeLoader().Load([new ProbeSearchPath(folder.Path, ProbeOrigin.Distribution)]);

        Assert.IsTrue(catalog.Probes.All(p => p.Directory == Path.Combine(folder.Path, "first")));
        // The second copy loads (in a context of its own) as far as the first did: only its throwing probe fails to be
        // created, and each of the six others is refused as taken.
        var second = catalog.Failures.Where(f => f.Name == "second").ToArray();
        Assert.HasCount(6, second.Where(f => f.Message.Contains("is already provided by " + Path.Combine(folder.Path, "first"), StringComparison.Ordinal)));
        Assert.AreEqual("Pinger.TestPlugins.Misbehaving.ThrowingConstructorProbe: threw NotSupportedException (the plugin's exception message is not shown)",
            second.Single(f => !f.Message.Contains("is already provided by", StringComparison.Ordinal)).Message);
    }

    [TestMethod]
    [DataRow(new[] { "Plugin.pdb", "Plugin.xml", "Other.pdb" }, null, null)]
    [DataRow(new[] { "Newtonsoft.Json.dll" }, null, "ships files of its own besides its assembly (Newtonsoft.Json.dll)")]
    [DataRow(new[] { "libnative.so" }, null, "ships files of its own besides its assembly (libnative.so)")]
    [DataRow(new[] { "Other.deps.json" }, null, "ships files of its own besides its assembly (Other.deps.json)")]
    [DataRow(new string[0], "runtimes", "ships a folder of its own (runtimes)")]
    [DataRow(new string[0], "de", "ships a folder of its own (de)")]
    public void Only_a_plugin_with_nothing_loadable_besides_its_assembly_may_share(string[] extraFiles, string? folder, string? reason)
    {
        using var plugins = new PluginFolder();
        var directory = Directory.CreateDirectory(Path.Combine(plugins.Path, "plugin")).FullName;
        var assembly = Path.Combine(directory, "Plugin.dll");
        File.WriteAllText(assembly, "the rule looks at names only");
        File.WriteAllText(Path.Combine(directory, "Plugin.deps.json"), "{}");
        foreach (var name in extraFiles)
        {
            File.WriteAllText(Path.Combine(directory, name), "");
        }

        if (folder is not null)
        {
            Directory.CreateDirectory(Path.Combine(directory, folder));
        }

        Assert.AreEqual(reason, SharedContextRule.ReasonToIsolate(assembly, PluginSdkReference.HostAssemblyVersion));
    }

    private static AssemblyLoadContext ContextOf(ProbeCatalog catalog, string id) =>
        AssemblyLoadContext.GetLoadContext(catalog.Probes.Single(p => p.Id == id).Probe.GetType().Assembly)!;
}
