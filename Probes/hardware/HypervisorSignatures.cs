using Pinger.Plugins.Sdk;

namespace Pinger.Probes.Hardware;

/// <summary>
/// DMI strings that only hypervisors write, after systemd's <c>detect_vm_dmi_vendor()</c>. They catch guests
/// whose CPU flags cannot be read or do not show the hypervisor (Arm, some nested setups).
/// </summary>
internal static class HypervisorSignatures
{
    private const string DmiDirectory = "/sys/class/dmi/id";

    private static readonly string[] DmiFiles = ["product_name", "sys_vendor", "board_vendor", "bios_vendor", "product_version"];

    private static readonly string[] Prefixes =
    [
        "KVM", "OpenStack", "KubeVirt", "Amazon EC2", "QEMU", "VMware", "VMW", "innotek GmbH", "VirtualBox",
        "Oracle Corporation", "Xen", "Bochs", "Parallels", "BHYVE", "Hyper-V", "Apple Virtualization",
        "Google Compute Engine",
    ];

    /// <summary>Whether any DMI string the firmware wrote names a hypervisor.</summary>
    public static bool FoundIn(IMachineFiles files)
    {
        var values = DmiFiles.Select(name => files.ReadText($"{DmiDirectory}/{name}")?.Trim()).ToArray();
        if (values.Any(v => v is { Length: > 0 } && Prefixes.Any(p => v.StartsWith(p, StringComparison.Ordinal))))
        {
            return true;
        }

        // Hyper-V guests say "Microsoft Corporation" and "Virtual Machine"; the vendor alone also makes laptops.
        return values[1] == "Microsoft Corporation" && values[0] == "Virtual Machine";
    }
}
