using Pinger.Plugins.Sdk;

namespace Pinger.TestPlugins.Misbehaving;

/// <summary>Emits its full-level field whatever the level, and an out-of-set value.</summary>
public sealed class LevelEscapingProbe : IProbe
{
    public ProbeDescriptor Descriptor { get; } = Declarations.Minimal("level-escaping");

    public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ProbeResult.Collected(new FieldValues().Set("answer", "maybe").Set("detail", 42)));
}
