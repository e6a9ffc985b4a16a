using Pinger.Core.Discovery;
using Pinger.Core.Running;
using Pinger.Core.Tests.Config;
using Pinger.Plugins.Sdk;

namespace Pinger.Core.Tests.Discovery;

[TestClass]
public sealed class ThirdPartyProbeGateTests
{
    [TestMethod]
    public void Third_party_probes_run_by_default_like_any_other()
    {
        using var machine = new TempMachine();

        var config = ConfigTestBed.LoadValid(machine);

        Assert.IsNull(config.ThirdPartyProbes);
        Assert.IsTrue(ProbeGate.Decide(Probe(ProbeOrigin.Admin), config).Runs);
    }

    [TestMethod]
    public void Turning_third_party_probes_off_skips_every_admin_installed_probe_even_one_enabled_by_its_own_table()
    {
        using var machine = new TempMachine()
            .Write("/etc/pinger/config.d/50-no-third-party.toml", "[reporting]\nthird_party_probes = false\n")
            .Write("/usr/lib/pinger/config.d/60-vendor.toml", "[probes.platform]\nenabled = true\n");

        var config = ConfigTestBed.LoadValid(machine);

        var decision = ProbeGate.Decide(Probe(ProbeOrigin.Admin), config);
        Assert.IsFalse(decision.Runs);
        Assert.AreEqual(
            $"third-party probes are off (reporting.third_party_probes = false at {machine.HostPath("/etc/pinger/config.d/50-no-third-party.toml")}:2:1)",
            decision.Reason);
        Assert.IsTrue(ProbeGate.Decide(Probe(ProbeOrigin.Distribution), config).Runs, "the distribution's probes are not third-party");
    }

    [TestMethod]
    public void The_switch_takes_a_boolean_only()
    {
        using var machine = new TempMachine().Write("/etc/pinger/config.d/50.toml", "[reporting]\nthird_party_probes = \"no\"\n");

        var error = ConfigTestBed.SingleError(ConfigTestBed.Load(machine));

        Assert.AreEqual("reporting.third_party_probes", error.Key);
        StringAssert.Contains(error.ToString(), "expected a boolean, found a string (hint: write true or false, without quotes)");
    }

    private static DiscoveredProbe Probe(ProbeOrigin origin) =>
        new(new FixedProbe(ConfigTestBed.Platform), ConfigTestBed.Platform, "/etc/pinger/probes/platform/platform.dll", origin);

    private sealed class FixedProbe(ProbeDescriptor descriptor) : IProbe
    {
        public ProbeDescriptor Descriptor => descriptor;

        public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken) =>
            Task.FromResult(ProbeResult.NotApplicable("test"));
    }
}
