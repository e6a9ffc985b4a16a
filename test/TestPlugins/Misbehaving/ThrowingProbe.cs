using Pinger.Plugins.Sdk;

namespace Pinger.TestPlugins.Misbehaving;

/// <summary>Throws while collecting.</summary>
public sealed class ThrowingProbe : IProbe
{
    public ProbeDescriptor Descriptor { get; } = Declarations.Minimal("throwing");

    public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("this probe always throws");
}
