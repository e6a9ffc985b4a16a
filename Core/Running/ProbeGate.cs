using Pinger.Core.Config;
using Pinger.Core.Discovery;
using Pinger.Plugins.Sdk;
using Pinger.Protocol.Reports;

namespace Pinger.Core.Running;

/// <summary>
/// Decides which probes run: none at level off, no third-party probe when the admin turned them all off, none whose
/// minimum level is above the configured one, none that the admin disabled, and none that are off by default unless
/// the admin enabled them.
/// </summary>
public static class ProbeGate
{
    /// <summary>The decision for <paramref name="probe"/> under <paramref name="config"/>.</summary>
    public static ProbeDecision Decide(DiscoveredProbe probe, EffectiveConfig config)
    {
        var descriptor = probe.Descriptor;
        if (config.Level == MetricsLevel.Off)
        {
            return new ProbeDecision(false, "reporting is off");
        }

        // The switch for all third-party probes outranks their own tables: a vendor's drop-in that enables its probe
        // must not undo an admin's decision to run none.
        if (probe.IsThirdParty && config.ThirdPartyProbes is { Value: false } allOff)
        {
            return new ProbeDecision(false, $"third-party probes are off ({allOff.Key} = false at {allOff.Location})");
        }

        if (descriptor.MinimumLevel > config.Level)
        {
            return new ProbeDecision(false,
                $"needs level {LevelNames.Of(descriptor.MinimumLevel)}, level is {LevelNames.Of(config.Level)}");
        }

        if (config.ProbeConfigFor(descriptor.Id).Enabled is { } switched)
        {
            return (bool)switched.Value
                ? new ProbeDecision(true, $"enabled at {switched.Location}")
                : new ProbeDecision(false, $"disabled at {switched.Location}");
        }

        return descriptor.EnabledByDefault
            ? new ProbeDecision(true, "on by default")
            : new ProbeDecision(false, $"off by default; enable with [probes.{descriptor.Id}] enabled = true");
    }
}
