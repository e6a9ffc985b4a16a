using Pinger.Plugins.Sdk;

namespace Pinger.TestPlugins.Misbehaving;

/// <summary>Cannot even be created.</summary>
public sealed class ThrowingConstructorProbe : IProbe
{
    public ThrowingConstructorProbe() => throw new NotSupportedException("this probe refuses to be created");

    public ProbeDescriptor Descriptor => throw new NotSupportedException();

    public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken) => throw new NotSupportedException();
}
