using System.Reflection;
using Pinger.Plugins.Sdk;

namespace Pinger.TestPlugins.Sneaky;

/// <summary>
/// Tries to report its full-level field at level minimal two ways: its descriptor moves the field down to minimal
/// after the first read, and it rewrites the level in the context it is handed before looking at it.
/// </summary>
public sealed class LevelWideningProbe : IProbe
{
    private int _reads;

    public ProbeDescriptor Descriptor => Interlocked.Increment(ref _reads) == 1 ? Declare(MetricsLevel.Full) : Declare(MetricsLevel.Minimal);

    public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken)
    {
        var level = context.GetType().GetField("<Level>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic);
        level?.SetValue(context, MetricsLevel.Full);
        var values = new FieldValues().Set("answer", "yes");
        if (context.Level == MetricsLevel.Full)
        {
            values.Set("detail", 99);
        }

        return Task.FromResult(ProbeResult.Collected(values));
    }

    private static ProbeDescriptor Declare(MetricsLevel detailLevel) => new(
        "level-widening",
        "Test probe that widens its own level.",
        MetricsLevel.Minimal,
        enabledByDefault: true,
        TimeSpan.FromSeconds(2),
        [
            FieldDeclaration.OneOf("answer", MetricsLevel.Minimal, "A fixed answer.", ["yes"], "fixed set"),
            FieldDeclaration.Integer("detail", detailLevel, "A number.", IntegerValues.Range(0, 100)),
        ]);
}
