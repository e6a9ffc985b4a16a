using Pinger.Plugins.Sdk;

namespace Pinger.Probes.Platform;

/// <summary>
/// Reports the cloud or hypervisor the machine runs on: the platform id Ignition was booted with on Fedora CoreOS,
/// elsewhere what <c>systemd-detect-virt</c> would say. Only tokens from a fixed list are emitted.
/// </summary>
public sealed class PlatformProbe : IProbe
{
    private static readonly FieldDeclaration IdField = FieldDeclaration.OneOf(
        "id",
        MetricsLevel.Minimal,
        "The platform: Ignition's platform id on Fedora CoreOS, otherwise the detected hypervisor or container kind.",
        PlatformIds.All,
        "one of a fixed list; an Ignition id not in it is reported as \"other\"; firmware strings are only matched, never sent");

    private static readonly FieldDeclaration SourceField = FieldDeclaration.OneOf(
        "source",
        MetricsLevel.Minimal,
        "Where the id came from: the kernel command line Ignition reads, detection from firmware and process data, or nowhere.",
        PlatformSources.All,
        "one of a fixed list");

    /// <inheritdoc />
    public ProbeDescriptor Descriptor { get; } = new(
        "platform",
        "The cloud or hypervisor the machine runs on, or that it is bare metal or a container.",
        MetricsLevel.Minimal,
        enabledByDefault: true,
        TimeSpan.FromSeconds(2),
        [IdField, SourceField]);

    /// <inheritdoc />
    public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken)
    {
        var (id, source) = Identify(context.Files);
        var values = new FieldValues()
            .Set(IdField.Name, id)
            .Set(SourceField.Name, source);
        return Task.FromResult(ProbeResult.Collected(values));
    }

    private static (string Id, string Source) Identify(IMachineFiles files)
    {
        if (IgnitionPlatform.Read(files) is { } ignitionId)
        {
            return (ignitionId, PlatformSources.Ignition);
        }

        var detected = DetectedPlatform.Detect(files);
        return detected is null
            ? (PlatformIds.Unknown, PlatformSources.Unknown)
            : (detected, PlatformSources.Detected);
    }
}
