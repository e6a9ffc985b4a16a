using Pinger.Plugins.Sdk;

namespace Pinger.Contrib.Kubernetes;

/// <summary>What the probe may emit: a closed list of distributions, a minor version, a yes/no role.</summary>
internal static class KubernetesFields
{
    /// <summary>The distributions told apart, "other" for a kubelet none of them explains.</summary>
    public static IReadOnlyList<string> Distributions { get; } = ["k3s", "rke2", "microk8s", "openshift", "okd", "kubeadm", "other"];

    public static FieldDeclaration Distribution { get; } = FieldDeclaration.OneOf(
        "distribution",
        MetricsLevel.Minimal,
        "The Kubernetes distribution the node belongs to, recognised from the files it installs.",
        Distributions,
        "one of a fixed list; anything else with a kubelet is \"other\"");

    public static FieldDeclaration Version { get; } = FieldDeclaration.Matching(
        "kubernetes_version",
        MetricsLevel.Minimal,
        "The Kubernetes minor version (v1.31), when a file on the node names it.",
        @"\Av1\.[0-9]{1,3}\z",
        7,
        100,
        "major and minor only: patch levels and distribution suffixes (+k3s1, -rke2r1) are cut off");

    public static FieldDeclaration ControlPlane { get; } = FieldDeclaration.Boolean(
        "control_plane",
        MetricsLevel.Full,
        "Whether the node runs the Kubernetes API server (a control-plane node) rather than workloads only.");
}
