namespace Pinger.Plugins.Sdk.Detection;

/// <summary>
/// Which hypervisor, if any, the machine runs under, following systemd's <c>detect_vm()</c> as far as files show it.
/// systemd also asks the CPU (CPUID), which a file reader cannot; the KVM clock source stands in for that.
/// </summary>
internal static class HypervisorEvidence
{
    public static HypervisorKind Detect(IMachineFiles files)
    {
        var fromDmi = DmiHypervisorVendors.Match(files);

        // systemd trusts these DMI answers over the CPU's: those hypervisors may present another one's CPUID.
        if (fromDmi is HypervisorKind.Oracle or HypervisorKind.Xen or HypervisorKind.Amazon)
        {
            return fromDmi.Value;
        }

        // QEMU accelerated by KVM says "QEMU" in DMI; systemd calls it kvm after asking the CPU.
        if (fromDmi == HypervisorKind.Qemu && HasKvmClock(files))
        {
            return HypervisorKind.Kvm;
        }

        if (fromDmi is { } named)
        {
            return named;
        }

        if (files.ReadTrimmed("/sys/hypervisor/type") == "xen")
        {
            return HypervisorKind.Xen;
        }

        var cpuInfo = files.ReadText("/proc/cpuinfo");
        if (cpuInfo is not null && HasHypervisorFlag(cpuInfo))
        {
            return HypervisorKind.Other;
        }

        // Without the CPU's flags or the firmware's tables, bare metal cannot be told from "no data".
        return cpuInfo is not null || DmiHypervisorVendors.Readable(files) ? HypervisorKind.None : HypervisorKind.Unknown;
    }

    private static bool HasKvmClock(IMachineFiles files) =>
        files.ReadText("/sys/devices/system/clocksource/clocksource0/available_clocksource")?
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Contains("kvm-clock", StringComparer.Ordinal) == true;

    // The CPU sets the "hypervisor" flag for guests; it must be a whole word of a "flags" line ("vmx flags" is not one).
    private static bool HasHypervisorFlag(string cpuInfo) =>
        cpuInfo.Split('\n')
            .Where(line => line.StartsWith("flags", StringComparison.Ordinal) && line.Contains(':', StringComparison.Ordinal))
            .Any(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..]
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Contains("hypervisor", StringComparer.Ordinal));
}
