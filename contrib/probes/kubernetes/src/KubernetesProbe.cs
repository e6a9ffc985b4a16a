using Pinger.Plugins.Sdk;

namespace Pinger.Contrib.Kubernetes;

/// <summary>
/// Which Kubernetes distribution this node belongs to and its minor version, from files on disk only: no API call,
/// no command, and no kubeconfig or other credential is ever read.
/// </summary>
public sealed class KubernetesProbe : IProbe
{
    /// <inheritdoc />
    public ProbeDescriptor Descriptor { get; } = new(
        "kubernetes",
        "The Kubernetes distribution this node belongs to and its minor version, recognised from files on disk.",
        MetricsLevel.Minimal,
        enabledByDefault: true,
        TimeSpan.FromMilliseconds(500),
        [KubernetesFields.Distribution, KubernetesFields.Version, KubernetesFields.ControlPlane]);

    /// <inheritdoc />
    public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken)
    {
        var files = context.Files;
        var distribution = Distribution.Detect(files);
        if (distribution is null)
        {
            return Task.FromResult(ProbeResult.NotApplicable("no Kubernetes node software is installed"));
        }

        var values = new FieldValues().Set(KubernetesFields.Distribution.Name, distribution);
        values.SetIfAccepted(KubernetesFields.Version, KubernetesVersion.Find(files, distribution));
        if (context.Level >= KubernetesFields.ControlPlane.Level && ControlPlane.Detect(files, distribution) is { } controlPlane)
        {
            values.Set(KubernetesFields.ControlPlane.Name, controlPlane);
        }

        return Task.FromResult(ProbeResult.Collected(values));
    }
}
