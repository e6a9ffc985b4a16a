using Pinger.Plugins.Sdk;

namespace Pinger.TestPlugins.Misbehaving;

/// <summary>Blocks its thread forever and ignores cancellation, the worst a probe can do.</summary>
public sealed class HangingProbe : IProbe
{
    public ProbeDescriptor Descriptor { get; } = Declarations.Minimal("hanging", budgetMs: 300);

    public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken)
    {
        Thread.Sleep(Timeout.Infinite);
        return Task.FromResult(ProbeResult.NotApplicable("unreachable"));
    }
}
