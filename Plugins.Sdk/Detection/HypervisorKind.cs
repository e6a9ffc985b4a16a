namespace Pinger.Plugins.Sdk.Detection;

/// <summary>The hypervisor a machine runs under, named as <c>systemd-detect-virt --vm</c> names them.</summary>
public enum HypervisorKind
{
    /// <summary>Nothing could be read that tells a guest from bare metal (no CPU description, no DMI tables).</summary>
    Unknown,

    /// <summary>No hypervisor: bare metal.</summary>
    None,

    /// <summary>KVM, including QEMU accelerated by KVM, OpenStack and KubeVirt.</summary>
    Kvm,

    /// <summary>QEMU without KVM (emulated).</summary>
    Qemu,

    /// <summary>VMware.</summary>
    Vmware,

    /// <summary>Microsoft Hyper-V.</summary>
    Microsoft,

    /// <summary>Xen.</summary>
    Xen,

    /// <summary>Oracle VirtualBox.</summary>
    Oracle,

    /// <summary>Amazon EC2's Nitro hypervisor.</summary>
    Amazon,

    /// <summary>Google Compute Engine.</summary>
    Google,

    /// <summary>Bochs.</summary>
    Bochs,

    /// <summary>Parallels.</summary>
    Parallels,

    /// <summary>FreeBSD's bhyve.</summary>
    Bhyve,

    /// <summary>Apple's Virtualization framework.</summary>
    Apple,

    /// <summary>A hypervisor the CPU reports but the firmware does not name.</summary>
    Other,
}
