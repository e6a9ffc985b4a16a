using Pinger.Core.Config;
using Pinger.Core.Discovery;
using Pinger.Plugins.Sdk;

namespace Pinger.Core.Running;

/// <summary>
/// Decides which probes run: none at level off, none whose minimum level is above the configured one, none
/// that the admin disabled, and none that are off by default unless the admin enabled them.
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
