using Pinger.Plugins.Sdk;

namespace Pinger.TestPlugins.Misbehaving;

/// <summary>Emits its declared fields allowed at the current level, and nothing else.</summary>
public sealed class WellBehavedProbe : IProbe
{
    public ProbeDescriptor Descriptor { get; } = Declarations.Minimal("well-behaved");

    public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken)
    {
        var values = new FieldValues().Set("answer", "yes");
        if (context.Level >= MetricsLevel.Full)
        {
            values.Set("detail", 7);
        }

        return Task.FromResult(ProbeResult.Collected(values));
    }
}
