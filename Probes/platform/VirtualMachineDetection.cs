using Pinger.Plugins.Sdk;

namespace Pinger.Probes.Platform;

/// <summary>
/// Which hypervisor, if any, the machine runs under, following systemd's <c>detect_vm()</c> as far as files show it.
/// systemd also asks the CPU (CPUID), which a file-reading probe cannot; the KVM clock source stands in for that.
/// </summary>
internal static class VirtualMachineDetection
{
    private const string DmiDirectory = "/sys/class/dmi/id";

    // systemd's order: product_name first, so that a "KVM" product wins over a "QEMU" vendor.
    private static readonly string[] DmiFiles = ["product_name", "sys_vendor", "board_vendor", "bios_vendor", "product_version"];

    /// <summary>A hypervisor id, <see cref="PlatformIds.None"/> for bare metal, or null when nothing can be told.</summary>
    public static string? Detect(IMachineFiles files)
    {
        var fromDmi = FromDmi(files);

        // systemd trusts these DMI answers over the CPU's: those hypervisors may present another one's CPUID.
        if (fromDmi is PlatformIds.Oracle or PlatformIds.Xen or PlatformIds.Amazon)
        {
            return fromDmi;
        }

        // QEMU accelerated by KVM says "QEMU" in DMI; systemd calls it kvm after asking the CPU.
        if (fromDmi == PlatformIds.Qemu && HasKvmClock(files))
        {
            return PlatformIds.Kvm;
        }

        if (fromDmi is not null)
        {
            return fromDmi;
        }

        if (files.ReadText("/sys/hypervisor/type")?.Trim() == "xen")
        {
            return PlatformIds.Xen;
        }

        var cpuInfo = files.ReadText("/proc/cpuinfo");
        if (cpuInfo is not null && HasHypervisorFlag(cpuInfo))
        {
            return PlatformIds.VmOther;
        }

        // Without the CPU's flags or the firmware's tables, bare metal cannot be told from "no data".
        return cpuInfo is not null || files.IsDirectory(DmiDirectory) ? PlatformIds.None : null;
    }

    private static string? FromDmi(IMachineFiles files)
    {
        foreach (var name in DmiFiles)
        {
            var value = files.ReadText($"{DmiDirectory}/{name}")?.Trim();
            if (!string.IsNullOrEmpty(value) && DmiVendorTable.Match(value) is { } id)
            {
                return id;
            }
        }

        // Hyper-V guests say "Microsoft Corporation" / "Virtual Machine"; the vendor alone also makes laptops.
        var vendor = files.ReadText($"{DmiDirectory}/sys_vendor")?.Trim();
        var product = files.ReadText($"{DmiDirectory}/product_name")?.Trim();
        return vendor == "Microsoft Corporation" && product == "Virtual Machine" ? PlatformIds.Microsoft : null;
    }

    private static bool HasKvmClock(IMachineFiles files) =>
        files.ReadText("/sys/devices/system/clocksource/clocksource0/available_clocksource")?
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Contains("kvm-clock", StringComparer.Ordinal) == true;

    private static bool HasHypervisorFlag(string cpuInfo) =>
        cpuInfo.Split('\n')
            .Where(line => line.StartsWith("flags", StringComparison.Ordinal) && line.Contains(':', StringComparison.Ordinal))
            .Any(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..]
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Contains("hypervisor", StringComparer.Ordinal));
}
