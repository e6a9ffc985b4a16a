using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Testing;
using Pinger.Probes.Testing;

namespace Pinger.Probes.Tests;

/// <summary>
/// Every in-tree probe on every fixture root, with its default settings and no command answered: what it emits is
/// declared, allowed at the level in force and accepted by its declaration, and nothing that identifies the machine
/// leaves it. A probe's own tests add its opt-ins and command outputs.
/// </summary>
[TestClass]
public sealed class EveryProbeTests
{
    public static IEnumerable<object[]> RootsAndLevels =>
        FixtureRoots.Names.SelectMany(root => new[] { new object[] { root, MetricsLevel.Minimal }, new object[] { root, MetricsLevel.Full } });

    [TestMethod]
    public void Each_probe_folder_holds_one_probe_whose_id_is_the_folders_name()
    {
        Assert.IsNotEmpty(InTreeProbes.Folders);
        foreach (var (folder, project) in InTreeProbes.Folders)
        {
            var types = InTreeProbes.TypesIn(project);

            Assert.HasCount(1, types, $"{project} should hold exactly one probe.");
            Assert.AreEqual(folder, ((IProbe)Activator.CreateInstance(types[0])!).Descriptor.Id, project);
        }
    }

    [TestMethod]
    [DynamicData(nameof(RootsAndLevels))]
    public async Task Every_emitted_value_is_declared_allowed_at_the_level_and_accepted(string root, MetricsLevel level)
    {
        foreach (var probe in InTreeProbes.Create())
        {
            // The host runs a probe only at or above its minimum level.
            if (probe.Descriptor.MinimumLevel > level)
            {
                continue;
            }

            var result = await FixtureRoots.RunAsync(probe, root, level);

            var violations = ProbeResultCheck.Violations(probe.Descriptor, level, result);
            Assert.IsEmpty(violations, $"{probe.Descriptor.Id} on {root}: {string.Join("; ", violations)}");
        }
    }

    [TestMethod]
    [DynamicData(nameof(FixtureRoots.Rows), typeof(FixtureRoots))]
    public async Task Nothing_that_identifies_the_machine_is_emitted_reasoned_or_logged(string root)
    {
        var planted = PlantedIdentifiers.On(FixtureRoots.PathOf(root));
        foreach (var probe in InTreeProbes.Create())
        {
            var context = FixtureRoots.Context(root, probe);

            var result = await probe.CollectAsync(context, CancellationToken.None);

            ProbeAssert.SaidNothingPlanted(probe.Descriptor, result, context, planted);
        }
    }

    [TestMethod]
    public void No_planted_identifier_hides_inside_a_token_a_probe_may_legitimately_emit()
    {
        var tokens = InTreeProbes.Create()
            .SelectMany(p => p.Descriptor.Fields)
            .SelectMany(f => (f.AllowedValues ?? []).Append(f.Name))
            .ToArray();

        var clashes = tokens.SelectMany(token => PlantedIdentifiers.FoundIn(token).Select(value => $"{value} in {token}")).ToArray();

        Assert.IsNotEmpty(tokens);
        Assert.IsEmpty(clashes, string.Join(", ", clashes));
    }
}
