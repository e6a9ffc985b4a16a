using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Parsing;

namespace Pinger.Contrib.Kubernetes;

/// <summary>
/// Recognises the distribution from paths it installs, most specific first: an OpenShift node also has a kubelet
/// config, a k3s node a kubeconfig. Only existence is tested, except for os-release: kubeconfigs hold credentials
/// and are never read.
/// </summary>
internal static class Distribution
{
    /// <summary>The distribution, or null when nothing of Kubernetes is installed.</summary>
    public static string? Detect(IMachineFiles files)
    {
        // The machine-config daemon manages every OpenShift and OKD node, and only those.
        if (files.IsDirectory("/etc/machine-config-daemon"))
        {
            return IsRhcos(files) ? "openshift" : "okd";
        }

        if (AnyExists(files, "/etc/rancher/rke2", "/var/lib/rancher/rke2", "/usr/local/bin/rke2", "/usr/bin/rke2"))
        {
            return "rke2";
        }

        if (AnyExists(files, "/etc/rancher/k3s", "/var/lib/rancher/k3s", "/usr/local/bin/k3s", "/usr/bin/k3s"))
        {
            return "k3s";
        }

        if (AnyExists(files, "/snap/microk8s/current", "/var/snap/microk8s/current"))
        {
            return "microk8s";
        }

        if (AnyExists(files, "/etc/kubernetes/kubelet.conf", "/etc/kubernetes/admin.conf", "/var/lib/kubelet/kubeadm-flags.env"))
        {
            return "kubeadm";
        }

        return AnyExists(files, "/usr/bin/kubelet", "/usr/local/bin/kubelet", "/var/lib/kubelet/config.yaml") ? "other" : null;
    }

    private static bool AnyExists(IMachineFiles files, params string[] paths) => paths.Any(files.Exists);

    private static IReadOnlyDictionary<string, string> OsRelease(IMachineFiles files) =>
        KeyValueFile.Parse(files.ReadText("/etc/os-release") ?? files.ReadText("/usr/lib/os-release") ?? string.Empty);

    // Red Hat Enterprise Linux CoreOS (ID=rhcos) underlies OpenShift; OKD runs on Fedora or CentOS Stream CoreOS.
    private static bool IsRhcos(IMachineFiles files) => OsRelease(files).GetValueOrDefault("ID") == "rhcos";
}
