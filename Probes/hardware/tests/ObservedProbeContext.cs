using Pinger.Plugins.Sdk;

namespace Pinger.Probes.Hardware.Tests;

/// <summary>Another context whose file access is recorded.</summary>
internal sealed class ObservedProbeContext(IProbeContext inner) : IProbeContext
{
    public RecordingMachineFiles Files { get; } = new(inner.Files);

    IMachineFiles IProbeContext.Files => Files;

    public ICommandRunner Commands => inner.Commands;

    public TimeProvider Clock => inner.Clock;

    public IProbeSettings Settings => inner.Settings;

    public MetricsLevel Level => inner.Level;

    public IProbeLog Log => inner.Log;
}
