namespace Pinger.Probes.ContainerRuntimes;

/// <summary>
/// Which engine a container's supervising process belongs to, from its command line. The command line holds
/// container ids, names and user paths: it is only searched for the engine's own marks and never kept.
/// </summary>
internal static class ContainerProcessOwner
{
    /// <summary>
    /// conmon supervises one container for podman and for CRI-O. Podman always passes
    /// <c>--exit-command /usr/bin/podman</c>; CRI-O passes its own directories (<c>--exit-dir /var/run/crio/exits</c>,
    /// <c>--socket-dir-path /var/run/crio</c>). When neither shows, the engine is the only one of the two installed, or unknown.
    /// </summary>
    public static string? OfConmon(IReadOnlyList<string> arguments, IReadOnlySet<string> installed)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == "--exit-command" && i + 1 < arguments.Count && Path.GetFileName(arguments[i + 1]) == "podman")
            {
                return ContainerRuntime.Podman;
            }

            if (IsCriODirectory(arguments[i]))
            {
                return ContainerRuntime.CriO;
            }
        }

        return (installed.Contains(ContainerRuntime.Podman), installed.Contains(ContainerRuntime.CriO)) switch
        {
            (true, false) => ContainerRuntime.Podman,
            (false, true) => ContainerRuntime.CriO,
            _ => null,
        };
    }

    /// <summary>
    /// A containerd shim supervises one container (one pod for Kubernetes, whose shims group a pod's containers).
    /// Docker runs its containers in containerd's "moby" namespace; every other namespace is containerd's own use.
    /// </summary>
    public static string OfContainerdShim(IReadOnlyList<string> arguments)
    {
        var index = IndexOf(arguments, "-namespace");
        return index >= 0 && index + 1 < arguments.Count && arguments[index + 1] == "moby" ? ContainerRuntime.Docker : ContainerRuntime.Containerd;
    }

    private static bool IsCriODirectory(string argument) =>
        argument.StartsWith("/var/run/crio/", StringComparison.Ordinal) || argument.StartsWith("/run/crio/", StringComparison.Ordinal)
        || argument is "/var/run/crio" or "/run/crio";

    private static int IndexOf(IReadOnlyList<string> arguments, string value)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
