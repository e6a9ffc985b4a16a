using Pinger.Plugins.Sdk;

namespace Pinger.Probes.Hardware;

/// <summary>How the machine booted: UEFI leaves <c>/sys/firmware/efi</c>; without it an x86 machine used a legacy BIOS.</summary>
internal static class Firmware
{
    private static readonly string[] X86Vendors = ["intel", "amd", "hygon"];

    /// <summary>uefi, bios or other; null when <c>/sys/firmware</c> itself cannot be seen, so absence proves nothing.</summary>
    public static string? Detect(IMachineFiles files, CpuInfo cpu)
    {
        if (files.IsDirectory("/sys/firmware/efi"))
        {
            return "uefi";
        }

        if (!files.IsDirectory("/sys/firmware"))
        {
            return null;
        }

        // Arm and Power machines without UEFI boot from U-Boot, OPAL or similar: not a BIOS.
        return X86Vendors.Contains(CpuClassification.Vendor(cpu)) ? "bios" : "other";
    }
}
