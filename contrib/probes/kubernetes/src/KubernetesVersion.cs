using System.Text.RegularExpressions;
using Pinger.Plugins.Sdk;

namespace Pinger.Contrib.Kubernetes;

/// <summary>
/// Finds the Kubernetes version in the one file or directory name each distribution keeps it in, and cuts it to
/// major.minor: "v1.31.2+k3s1" and "1.31.2-1.1" both give "v1.31".
/// </summary>
internal static partial class KubernetesVersion
{
    /// <summary>The minor version, or null when no file names it.</summary>
    public static string? Find(IMachineFiles files, string distribution) => distribution switch
    {
        // Each release unpacks into a directory named after it, e.g. /var/lib/rancher/rke2/data/v1.31.2-rke2r1-1a2b3c4d5e6f.
        // (k3s names its data directories by a hash, so its version is not on disk in a readable form.)
        "rke2" => Newest(files.ListDirectory("/var/lib/rancher/rke2/data").Select(MinorOf)),
        "microk8s" => MinorOf(Line(files.ReadText("/snap/microk8s/current/meta/snap.yaml"), "version:")),
        // The API server's static pod names its image tag; on a worker, the kubelet package's version (Debian, Ubuntu).
        "kubeadm" or "other" => MinorOf(Line(files.ReadText("/etc/kubernetes/manifests/kube-apiserver.yaml"), "image:"))
            ?? MinorOf(KubeletPackageVersion(files.ReadText("/var/lib/dpkg/status"))),
        _ => null,
    };

    /// <summary>"v1.31" for any text starting with a 1.x.y version (with or without "v"), else null.</summary>
    public static string? MinorOf(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var match = VersionRegex().Match(text);
        return match.Success ? $"v1.{int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)}" : null;
    }

    private static string? Newest(IEnumerable<string?> versions) =>
        versions.OfType<string>().OrderByDescending(v => int.Parse(v[3..], System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();

    // The value of the first line that starts with key (after indentation), e.g. "image: registry.k8s.io/kube-apiserver:v1.31.2".
    private static string? Line(string? text, string key) =>
        text?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?[key.Length..].Trim().Trim('"');

    private static string? KubeletPackageVersion(string? dpkgStatus)
    {
        if (dpkgStatus is null)
        {
            return null;
        }

        // dpkg's status file holds one paragraph per package, separated by blank lines.
        foreach (var paragraph in dpkgStatus.Split("\n\n"))
        {
            var lines = paragraph.Split('\n');
            if (lines.Contains("Package: kubelet") && lines.Any(l => l.StartsWith("Status:", StringComparison.Ordinal) && l.EndsWith(" installed", StringComparison.Ordinal)))
            {
                return lines.FirstOrDefault(l => l.StartsWith("Version: ", StringComparison.Ordinal))?["Version: ".Length..];
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?:^|[:/\s])v?1\.([0-9]{1,3})\.[0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex VersionRegex();
}
