namespace Pinger.Probes.Platform;

/// <summary>systemd's table of DMI vendor prefixes that name a hypervisor.</summary>
internal static class DmiVendorTable
{
    private static readonly (string Prefix, string Id)[] Prefixes =
    [
        ("KVM", PlatformIds.Kvm),
        ("OpenStack", PlatformIds.Kvm),
        ("KubeVirt", PlatformIds.Kvm),
        ("Amazon EC2", PlatformIds.Amazon),
        ("QEMU", PlatformIds.Qemu),
        ("VMware", PlatformIds.Vmware),
        ("VMW", PlatformIds.Vmware),
        ("innotek GmbH", PlatformIds.Oracle),
        ("VirtualBox", PlatformIds.Oracle),
        ("Oracle Corporation", PlatformIds.Oracle),
        ("Xen", PlatformIds.Xen),
        ("Bochs", PlatformIds.Bochs),
        ("Parallels", PlatformIds.Parallels),
        ("BHYVE", PlatformIds.Bhyve),
        ("Hyper-V", PlatformIds.Microsoft),
        ("Apple Virtualization", PlatformIds.Apple),
        ("Google Compute Engine", PlatformIds.Google),
    ];

    /// <summary>The id whose prefix starts <paramref name="dmiValue"/>, or null.</summary>
    public static string? Match(string dmiValue) =>
        Prefixes.FirstOrDefault(p => dmiValue.StartsWith(p.Prefix, StringComparison.Ordinal)).Id;
}
