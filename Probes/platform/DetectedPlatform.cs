using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Detection;

namespace Pinger.Probes.Platform;

/// <summary>The SDK's container and hypervisor detection named with the probe's ids.</summary>
internal static class DetectedPlatform
{
    /// <summary>A container or hypervisor id, <see cref="PlatformIds.None"/> for bare metal, or null when nothing can be told.</summary>
    public static string? Detect(IMachineFiles files)
    {
        // systemd-detect-virt reports a container before the machine that hosts it; so do we.
        var found = VirtualizationDetector.Detect(files);
        return found.IsContainer ? ContainerId(found.Container) : HypervisorId(found.Hypervisor);
    }

    private static string ContainerId(ContainerKind kind) => kind switch
    {
        ContainerKind.Docker => PlatformIds.ContainerDocker,
        ContainerKind.Podman => PlatformIds.ContainerPodman,
        ContainerKind.Lxc => PlatformIds.ContainerLxc,
        ContainerKind.Nspawn => PlatformIds.ContainerNspawn,
        _ => PlatformIds.ContainerOther,
    };

    private static string? HypervisorId(HypervisorKind kind) => kind switch
    {
        HypervisorKind.Unknown => null,
        HypervisorKind.None => PlatformIds.None,
        HypervisorKind.Kvm => PlatformIds.Kvm,
        HypervisorKind.Qemu => PlatformIds.Qemu,
        HypervisorKind.Vmware => PlatformIds.Vmware,
        HypervisorKind.Microsoft => PlatformIds.Microsoft,
        HypervisorKind.Xen => PlatformIds.Xen,
        HypervisorKind.Oracle => PlatformIds.Oracle,
        HypervisorKind.Amazon => PlatformIds.Amazon,
        HypervisorKind.Google => PlatformIds.Google,
        HypervisorKind.Bochs => PlatformIds.Bochs,
        HypervisorKind.Parallels => PlatformIds.Parallels,
        HypervisorKind.Bhyve => PlatformIds.Bhyve,
        HypervisorKind.Apple => PlatformIds.Apple,
        _ => PlatformIds.VmOther,
    };
}
