using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Testing;

namespace Acme.Probes.Example.Tests;

[TestClass]
public sealed class ExampleProbeTests
{
    private static readonly ExampleProbe Probe = new();

    private static string Root(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "roots", name);

    [TestMethod]
    public async Task Reports_the_edition_the_release_and_at_level_full_the_widget_count()
    {
        var result = await Probe.CollectAsync(new FixtureProbeContext(Root("acme-node"), Probe.Descriptor, MetricsLevel.Full), CancellationToken.None);

        Assert.AreEqual(ProbeOutcome.Collected, result.Outcome, result.Reason);
        Assert.AreEqual("enterprise", result.Values["edition"].Text);
        Assert.AreEqual("2.7", result.Values["version"].Text);
        Assert.AreEqual(2, result.Values["widgets"].Integer, "3 widgets fall in the count bucket 2");
        Assert.IsEmpty(ProbeResultCheck.Violations(Probe.Descriptor, MetricsLevel.Full, result));
    }

    [TestMethod]
    public async Task At_level_minimal_it_emits_nothing_declared_above_minimal()
    {
        var result = await Probe.CollectAsync(new FixtureProbeContext(Root("acme-node"), Probe.Descriptor, MetricsLevel.Minimal), CancellationToken.None);

        Assert.IsFalse(result.Values.ContainsKey("widgets"));
        Assert.IsEmpty(ProbeResultCheck.Violations(Probe.Descriptor, MetricsLevel.Minimal, result));
    }

    [TestMethod]
    public async Task An_unknown_edition_is_other_and_a_malformed_version_is_left_out()
    {
        using var root = new TemporaryMachineRoot().Write("/etc/acme/release", "EDITION=homebrew\nVERSION=tip-of-main\n");

        var result = await Probe.CollectAsync(new FixtureProbeContext(root.Path, Probe.Descriptor), CancellationToken.None);

        Assert.AreEqual("other", result.Values["edition"].Text);
        Assert.IsFalse(result.Values.ContainsKey("version"));
    }

    [TestMethod]
    public async Task Without_Acme_the_probe_is_not_applicable()
    {
        using var root = new TemporaryMachineRoot();

        var result = await Probe.CollectAsync(new FixtureProbeContext(root.Path, Probe.Descriptor), CancellationToken.None);

        Assert.AreEqual(ProbeOutcome.NotApplicable, result.Outcome);
    }

    [TestMethod]
    public void The_schema_file_shipped_to_servers_still_matches_the_probe()
    {
        var shipped = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema", "acme-example.json"));

        // When a declaration changes, regenerate it: pinger schema --probe-dir out > schema/acme-example.json
        Assert.AreEqual(shipped, ProbeSchemaFile.Of(Probe));
    }

    [TestMethod]
    public void The_id_is_valid_and_the_descriptor_is_consistent()
    {
        Assert.IsTrue(ProbeDescriptor.IsValidName(Probe.Descriptor.Id));
    }
}
