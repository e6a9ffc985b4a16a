using Pinger.Plugins.Sdk;
using Pinger.Probes.Testing;

namespace Pinger.Probes.LayeredPackages.Tests;

/// <summary>
/// What each level lets through: the probe runs at the minimal level, but names packages only at the full level.
/// The host drops fields declared above the level in force; these tests check the probe does not even collect them.
/// </summary>
[TestClass]
public sealed class LayeredPackagesLevelTests
{
    [TestMethod]
    public void Runs_at_the_minimal_level_and_names_packages_only_at_full()
    {
        var descriptor = new LayeredPackagesProbe().Descriptor;
        var levels = descriptor.Fields.ToDictionary(f => f.Name, f => f.Level);

        Assert.AreEqual(MetricsLevel.Minimal, descriptor.MinimumLevel);
        Assert.IsTrue(descriptor.EnabledByDefault);
        CollectionAssert.AreEquivalent(
            new Dictionary<string, MetricsLevel>
            {
                ["layered"] = MetricsLevel.Minimal,
                ["layered_packages"] = MetricsLevel.Minimal,
                ["overridden_packages"] = MetricsLevel.Minimal,
                ["packages"] = MetricsLevel.Full,
                ["unlisted_packages"] = MetricsLevel.Full,
            }.ToArray(),
            levels.ToArray());
    }

    [TestMethod]
    [DynamicData(nameof(FixtureRoots.Rows), typeof(FixtureRoots))]
    public async Task At_the_minimal_level_reports_only_its_minimal_fields_and_only_where_rpm_ostree_is(string root)
    {
        var result = await RpmOstreeFixtures.RunAsync(root, MetricsLevel.Minimal);

        string[] expected = RpmOstreeFixtures.HasStatus(root) ? ["layered", "layered_packages", "overridden_packages"] : [];
        CollectionAssert.AreEquivalent(expected, result.Values.Keys.ToArray());
    }

    [TestMethod]
    [DynamicData(nameof(FixtureRoots.Rows), typeof(FixtureRoots))]
    public async Task With_its_rpm_ostree_output_says_nothing_planted_and_only_declared_values(string root)
    {
        var probe = new LayeredPackagesProbe();
        var context = RpmOstreeFixtures.Context(root);

        var result = await probe.CollectAsync(context, CancellationToken.None);

        ProbeAssert.AllDeclaredAndAccepted(probe.Descriptor, result);
        ProbeAssert.SaidNothingPlanted(probe.Descriptor, result, context, PlantedIdentifiers.On(FixtureRoots.PathOf(root)));
    }
}
