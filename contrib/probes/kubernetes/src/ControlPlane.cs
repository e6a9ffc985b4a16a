using Pinger.Plugins.Sdk;

namespace Pinger.Contrib.Kubernetes;

/// <summary>Whether this node runs the API server, from where each distribution keeps a server's state.</summary>
internal static class ControlPlane
{
    /// <summary>True or false when the distribution says, null when it cannot tell (microk8s runs both roles by default).</summary>
    public static bool? Detect(IMachineFiles files, string distribution) => distribution switch
    {
        "rke2" or "k3s" => files.IsDirectory($"/var/lib/rancher/{distribution}/server"),
        "microk8s" => null,
        _ => files.ListDirectory("/etc/kubernetes/manifests").Any(f => f.StartsWith("kube-apiserver", StringComparison.Ordinal)),
    };
}
