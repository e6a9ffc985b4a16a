using Pinger.Plugins.Sdk;

namespace Pinger.TestPlugins.Misbehaving;

/// <summary>Emits its declared fields and nothing else.</summary>
public sealed class WellBehavedProbe : IProbe
{
    public ProbeDescriptor Descriptor { get; } = Declarations.Minimal("well-behaved");

    public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ProbeResult.Collected(new FieldValues().Set("answer", "yes").Set("detail", 7)));
}
