using Pinger.Plugins.Sdk;

namespace Pinger.TestPlugins.FutureSdk;

/// <summary>Would answer, if a host this old ever let it run.</summary>
public sealed class FutureSdkProbe : IProbe
{
    /// <summary>Set when the host creates the probe, which it must not.</summary>
    public static bool WasCreated { get; private set; }

    public FutureSdkProbe() => WasCreated = true;

    public ProbeDescriptor Descriptor { get; } = new(
        "future-sdk",
        "A probe from a future SDK.",
        MetricsLevel.Minimal,
        enabledByDefault: true,
        TimeSpan.FromSeconds(1),
        [FieldDeclaration.OneOf("answer", MetricsLevel.Minimal, "A fixed answer.", ["yes"], "fixed set")]);

    public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ProbeResult.Collected(new FieldValues().Set("answer", "yes")));
}
