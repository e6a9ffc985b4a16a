using Pinger.Plugins.Sdk;
using Pinger.Probes.ContainerRuntimes;
using Pinger.Probes.Hardware;
using Pinger.Probes.LayeredPackages;
using Pinger.Probes.Network;

namespace Pinger.Probes.FullLevel.Tests;

/// <summary>
/// What each level lets through. The host runs a probe only at or above its minimum level and drops fields
/// declared above the level in force; these tests check the declarations and simulate that filter.
/// </summary>
[TestClass]
public sealed class LevelTests
{
    public static IEnumerable<object[]> FullOnlyProbes => new IProbe[] { new HardwareProbe(), new ContainerRuntimesProbe(), new NetworkProbe() }.Select(p => new object[] { p });

    public static IEnumerable<object[]> FullLevelRoots => Fixtures.FullLevelRoots.Select(name => new object[] { name });

    [TestMethod]
    [DynamicData(nameof(FullOnlyProbes))]
    public void Hardware_container_and_network_probes_run_and_emit_only_at_the_full_level(IProbe probe)
    {
        Assert.AreEqual(MetricsLevel.Full, probe.Descriptor.MinimumLevel);
        var belowFull = probe.Descriptor.Fields.Where(f => f.Level != MetricsLevel.Full).Select(f => f.Name).ToArray();
        Assert.IsEmpty(belowFull, string.Join(", ", belowFull));
        Assert.IsTrue(probe.Descriptor.EnabledByDefault);
    }

    [TestMethod]
    public void Layered_packages_runs_at_the_minimal_level_and_names_packages_only_at_full()
    {
        var descriptor = new LayeredPackagesProbe().Descriptor;
        var levels = descriptor.Fields.ToDictionary(f => f.Name, f => f.Level);

        Assert.AreEqual(MetricsLevel.Minimal, descriptor.MinimumLevel);
        CollectionAssert.AreEquivalent(
            new Dictionary<string, MetricsLevel>
            {
                ["layered"] = MetricsLevel.Minimal,
                ["layered_count"] = MetricsLevel.Minimal,
                ["overridden_count"] = MetricsLevel.Minimal,
                ["packages"] = MetricsLevel.Full,
            }.ToArray(),
            levels.ToArray());
    }

    [TestMethod]
    [DynamicData(nameof(FullLevelRoots))]
    public async Task At_the_minimal_level_only_layered_packages_contributes_and_only_its_minimal_fields(string root)
    {
        var reported = new List<string>();
        foreach (var probe in AllProbes.Create())
        {
            if (probe.Descriptor.MinimumLevel > MetricsLevel.Minimal)
            {
                continue;
            }

            var result = await Fixtures.Run(probe, root, MetricsLevel.Minimal);
            var levels = probe.Descriptor.Fields.ToDictionary(f => f.Name, f => f.Level);
            reported.AddRange(result.Values.Keys.Where(name => levels[name] <= MetricsLevel.Minimal).Select(name => $"{probe.Descriptor.Id}.{name}"));
            Assert.IsFalse(result.Values.ContainsKey("packages"), "layered-packages should not even collect names below the full level.");
        }

        // The unreadable root has no rpm-ostree, so nothing is reported there at all.
        string[] expected = root == "unreadable" ? [] : ["layered-packages.layered", "layered-packages.layered_count", "layered-packages.overridden_count"];
        CollectionAssert.AreEquivalent(expected, reported);
    }
}
