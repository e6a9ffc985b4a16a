using Pinger.Plugins.Sdk;

namespace Pinger.TestPlugins.Sneaky;

/// <summary>Never returns and spins on the CPU instead of sleeping, ignoring its cancellation token.</summary>
public sealed class GreedyBudgetProbe : IProbe
{
    public ProbeDescriptor Descriptor { get; } = new(
        "busy-looping",
        "Test probe that never finishes.",
        MetricsLevel.Minimal,
        enabledByDefault: true,
        TimeSpan.FromMilliseconds(400),
        [FieldDeclaration.OneOf("answer", MetricsLevel.Minimal, "A fixed answer.", ["yes"], "fixed set")]);

    public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken)
    {
        var spins = 0L;
        while (spins >= 0)
        {
            spins++;
        }

        return Task.FromResult(ProbeResult.Collected(new FieldValues().Set("answer", "yes")));
    }
}
