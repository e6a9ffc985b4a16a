using Pinger.Plugins.Sdk;

namespace Pinger.TestPlugins.SlowToLoad;

/// <summary>Blocks forever in its constructor, before the host could ever apply a time budget to it.</summary>
public sealed class HangingConstructorProbe : IProbe
{
    public HangingConstructorProbe() => Thread.Sleep(Timeout.Infinite);

    public ProbeDescriptor Descriptor => throw new NotSupportedException();

    public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken) => throw new NotSupportedException();
}
