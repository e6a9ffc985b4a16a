namespace Pinger.Plugins.Sdk.Detection;

/// <summary>systemd's table of DMI strings that only hypervisors write (<c>detect_vm_dmi_vendor()</c>).</summary>
internal static class DmiHypervisorVendors
{
    private const string DmiDirectory = "/sys/class/dmi/id";

    // systemd's order: product_name first, so that a "KVM" product wins over a "QEMU" vendor.
    private static readonly string[] DmiFiles = ["product_name", "sys_vendor", "board_vendor", "bios_vendor", "product_version"];

    private static readonly (string Prefix, HypervisorKind Kind)[] Prefixes =
    [
        ("KVM", HypervisorKind.Kvm),
        ("OpenStack", HypervisorKind.Kvm),
        ("KubeVirt", HypervisorKind.Kvm),
        ("Amazon EC2", HypervisorKind.Amazon),
        ("QEMU", HypervisorKind.Qemu),
        ("VMware", HypervisorKind.Vmware),
        ("VMW", HypervisorKind.Vmware),
        ("innotek GmbH", HypervisorKind.Oracle),
        ("VirtualBox", HypervisorKind.Oracle),
        ("Oracle Corporation", HypervisorKind.Oracle),
        ("Xen", HypervisorKind.Xen),
        ("Bochs", HypervisorKind.Bochs),
        ("Parallels", HypervisorKind.Parallels),
        ("BHYVE", HypervisorKind.Bhyve),
        ("Hyper-V", HypervisorKind.Microsoft),
        ("Apple Virtualization", HypervisorKind.Apple),
        ("Google Compute Engine", HypervisorKind.Google),
    ];

    /// <summary>Whether the DMI tables can be seen at all, so that a lack of match means something.</summary>
    public static bool Readable(IMachineFiles files) => files.IsDirectory(DmiDirectory);

    /// <summary>The hypervisor the first matching DMI string names, or null.</summary>
    public static HypervisorKind? Match(IMachineFiles files)
    {
        foreach (var name in DmiFiles)
        {
            var value = files.ReadTrimmed($"{DmiDirectory}/{name}");
            if (!string.IsNullOrEmpty(value) && Named(value) is { } kind)
            {
                return kind;
            }
        }

        // Hyper-V guests say "Microsoft Corporation" / "Virtual Machine"; the vendor alone also makes laptops.
        var vendor = files.ReadTrimmed($"{DmiDirectory}/sys_vendor");
        var product = files.ReadTrimmed($"{DmiDirectory}/product_name");
        return vendor == "Microsoft Corporation" && product == "Virtual Machine" ? HypervisorKind.Microsoft : null;
    }

    private static HypervisorKind? Named(string value)
    {
        foreach (var (prefix, kind) in Prefixes)
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }
}
