using Pinger.Plugins.Sdk;

namespace Pinger.Core.Running;

/// <summary>The context the host hands a probe: the shared machine view plus the probe's own settings and log.</summary>
public sealed record ProbeContext(
    IMachineFiles Files,
    ICommandRunner Commands,
    TimeProvider Clock,
    IProbeSettings Settings,
    MetricsLevel Level,
    IProbeLog Log) : IProbeContext;
