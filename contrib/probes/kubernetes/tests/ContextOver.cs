using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Testing;

namespace Pinger.Contrib.Kubernetes.Tests;

/// <summary>A probe context over any <see cref="IMachineFiles"/>, at level full.</summary>
internal sealed class ContextOver(IMachineFiles files, ProbeDescriptor descriptor) : IProbeContext
{
    public IMachineFiles Files => files;

    public ICommandRunner Commands { get; } = new FakeCommandRunner();

    public TimeProvider Clock => TimeProvider.System;

    public IProbeSettings Settings { get; } = new ProbeSettings(descriptor.Settings, null);

    public MetricsLevel Level => MetricsLevel.Full;

    public IProbeLog Log { get; } = new RecordingProbeLog();
}
