using Pinger.Plugins.Sdk;

namespace Pinger.Probes.ContainerRuntimes;

/// <summary>Every field the container-runtimes probe emits, all at the full level.</summary>
internal static class ContainerRuntimesFields
{
    public const string Installed = "installed";
    public const string Active = "active";
    public const string PodmanContainers = "podman_containers";
    public const string DockerContainers = "docker_containers";
    public const string ContainerdContainers = "containerd_containers";
    public const string CriOContainers = "crio_containers";

    /// <summary>The container count field of each engine token.</summary>
    public static IReadOnlyList<(string Runtime, string Field)> CountFields { get; } =
    [
        (ContainerRuntime.Podman, PodmanContainers),
        (ContainerRuntime.Docker, DockerContainers),
        (ContainerRuntime.Containerd, ContainerdContainers),
        (ContainerRuntime.CriO, CriOContainers),
    ];

    public static IReadOnlyList<FieldDeclaration> All { get; } =
    [
        FieldDeclaration.ListOneOf(
            Installed, MetricsLevel.Full, "Container engines whose program is installed (/usr/bin/podman, dockerd, containerd, crio).",
            ContainerRuntime.Tokens, ContainerRuntime.Tokens.Count, "engine names from a fixed list"),
        FieldDeclaration.ListOneOf(
            Active, MetricsLevel.Full,
            "Container engines in use: API socket present, daemon process running, or containers running. Sockets are only looked at, never connected to.",
            ContainerRuntime.Tokens, ContainerRuntime.Tokens.Count, "engine names from a fixed list"),
        FieldDeclaration.Integer(
            PodmanContainers, MetricsLevel.Full,
            "Running podman containers (rootful and rootless): conmon processes started by podman.", Coarsen.CountValues),
        FieldDeclaration.Integer(
            DockerContainers, MetricsLevel.Full,
            "Running docker containers: containerd shim processes in containerd's \"moby\" namespace.", Coarsen.CountValues),
        FieldDeclaration.Integer(
            ContainerdContainers, MetricsLevel.Full,
            "Containers run by containerd for anything but docker: shim processes in other namespaces (one per pod for Kubernetes).",
            Coarsen.CountValues),
        FieldDeclaration.Integer(
            CriOContainers, MetricsLevel.Full,
            "Running CRI-O containers: conmon processes started by CRI-O (conmon-rs processes, one per pod).", Coarsen.CountValues),
    ];
}
