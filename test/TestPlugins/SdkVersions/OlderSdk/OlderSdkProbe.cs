using Pinger.Plugins.Sdk;

namespace Pinger.TestPlugins.OlderSdk;

/// <summary>A probe written against the pre-1.0 SDK; the current host runs it unchanged.</summary>
public sealed class OlderSdkProbe : IProbe
{
    public ProbeDescriptor Descriptor { get; } = new(
        "older-sdk",
        "A probe from an older SDK.",
        MetricsLevel.Minimal,
        enabledByDefault: true,
        TimeSpan.FromSeconds(1),
        [FieldDeclaration.OneOf("answer", MetricsLevel.Minimal, "A fixed answer.", ["yes"], "fixed set")]);

    public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ProbeResult.Collected(new FieldValues().Set("answer", "yes")));
}
