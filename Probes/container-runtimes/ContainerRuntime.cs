namespace Pinger.Probes.ContainerRuntimes;

/// <summary>A container engine and the files and processes that show it without asking it anything.</summary>
/// <param name="Token">The reported name.</param>
/// <param name="Binaries">Paths whose presence means the engine is installed.</param>
/// <param name="Sockets">API sockets whose presence means the engine (or its socket unit) is active.</param>
/// <param name="DaemonNames">Process names (<c>/proc/*/comm</c>) of the engine's own daemon.</param>
internal sealed record ContainerRuntime(string Token, string[] Binaries, string[] Sockets, string[] DaemonNames)
{
    public const string Podman = "podman";
    public const string Docker = "docker";
    public const string Containerd = "containerd";
    public const string CriO = "cri-o";

    /// <summary>The engines Fedora CoreOS ships (podman, moby, containerd) and the one OKD adds (CRI-O).</summary>
    public static IReadOnlyList<ContainerRuntime> All { get; } =
    [
        // Podman has no daemon; "podman system service" serves its API under the process name podman.
        new(Podman, ["/usr/bin/podman", "/usr/local/bin/podman"], ["/run/podman/podman.sock"], ["podman"]),
        new(Docker, ["/usr/bin/dockerd", "/usr/local/bin/dockerd"], ["/run/docker.sock", "/var/run/docker.sock"], ["dockerd"]),
        new(Containerd, ["/usr/bin/containerd", "/usr/local/bin/containerd"], ["/run/containerd/containerd.sock"], ["containerd"]),
        new(CriO, ["/usr/bin/crio", "/usr/local/bin/crio"], ["/run/crio/crio.sock", "/var/run/crio/crio.sock"], ["crio"]),
    ];

    public static IReadOnlyList<string> Tokens { get; } = All.Select(r => r.Token).ToArray();
}
