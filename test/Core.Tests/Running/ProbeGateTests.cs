using Pinger.Configuration;
using Pinger.Core.Config;
using Pinger.Core.Discovery;
using Pinger.Core.Running;
using Pinger.Plugins.Sdk;

namespace Pinger.Core.Tests.Running;

[TestClass]
public sealed class ProbeGateTests
{
    private static readonly SourceLocation Where = new("/etc/pinger/config.d/50.toml", 4, 1);

    [TestMethod]
    public void Nothing_runs_at_level_off()
    {
        var decision = ProbeGate.Decide(Probe(MetricsLevel.Minimal), RunnerTestBed.ConfigAt(MetricsLevel.Off));

        Assert.AreEqual(new ProbeDecision(false, "reporting is off"), decision);
    }

    [TestMethod]
    public void A_full_level_probe_does_not_run_at_minimal()
    {
        var decision = ProbeGate.Decide(Probe(MetricsLevel.Full), RunnerTestBed.ConfigAt(MetricsLevel.Minimal));

        Assert.AreEqual(new ProbeDecision(false, "needs level full, level is minimal"), decision);
    }

    [TestMethod]
    public void A_disabled_probe_does_not_run_and_the_reason_names_the_file()
    {
        var config = RunnerTestBed.ConfigAt(MetricsLevel.Full, new() { ["test"] = Switch(false) });

        var decision = ProbeGate.Decide(Probe(MetricsLevel.Minimal), config);

        Assert.AreEqual(new ProbeDecision(false, $"disabled at {Where}"), decision);
    }

    [TestMethod]
    public void A_probe_off_by_default_runs_only_when_enabled()
    {
        var probe = Probe(MetricsLevel.Minimal, enabledByDefault: false);

        Assert.IsFalse(ProbeGate.Decide(probe, RunnerTestBed.ConfigAt(MetricsLevel.Full)).Runs);
        Assert.IsTrue(ProbeGate.Decide(probe, RunnerTestBed.ConfigAt(MetricsLevel.Full, new() { ["test"] = Switch(true) })).Runs);
    }

    private static ProbeConfig Switch(bool enabled) =>
        new(new ConfigEntry(["probes", "test", "enabled"], ConfigValueKind.Boolean, enabled, Where), new Dictionary<string, ConfigEntry>());

    private static DiscoveredProbe Probe(MetricsLevel level, bool enabledByDefault = true)
    {
        var descriptor = new ProbeDescriptor("test", "A test probe.", level, enabledByDefault, TimeSpan.FromSeconds(1),
            [FieldDeclaration.Boolean("flag", level, "A flag.")]);
        return new DiscoveredProbe(new FixedProbe(descriptor), descriptor, "/test/test.dll", ProbeOrigin.Distribution);
    }

    private sealed class FixedProbe(ProbeDescriptor descriptor) : IProbe
    {
        public ProbeDescriptor Descriptor => descriptor;

        public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken) =>
            Task.FromResult(ProbeResult.Collected(new FieldValues().Set("flag", true)));
    }
}
