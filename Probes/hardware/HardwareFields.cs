using Pinger.Plugins.Sdk;

namespace Pinger.Probes.Hardware;

/// <summary>Every field the hardware probe emits, all at the full level.</summary>
internal static class HardwareFields
{
    public const string CpuVendor = "cpu_vendor";
    public const string CpuFamily = "cpu_family";
    public const string LogicalCpus = "logical_cpus";
    public const string MemoryBytes = "memory_bytes";
    public const string Firmware = "firmware";
    public const string DiskCount = "disks";
    public const string DiskTotalBytes = "disk_total_bytes";
    public const string RotationalDisks = "rotational_disks";
    public const string SolidStateDisks = "solid_state_disks";
    public const string SystemVendor = "system_vendor";

    /// <summary>The byte sizes are whole GiB, the coarsest step either field is rounded to.</summary>
    public const long BytesPerGibibyte = 1L << 30;

    public static IReadOnlyList<long> LogicalCpuFloors { get; } = [1, 2, 4, 8, 16, 32, 64, 128, 256];

    public static IReadOnlyList<FieldDeclaration> All { get; } =
    [
        FieldDeclaration.OneOf(
            CpuVendor, MetricsLevel.Full, "Who designed the CPU, to know which architectures and vendors to test on.",
            CpuClassification.VendorTokens, "the CPU's vendor id or implementer code mapped to a short list; anything else is \"other\""),
        FieldDeclaration.OneOf(
            CpuFamily, MetricsLevel.Full, "The CPU's product family (server, desktop, low-power), never its model number.",
            CpuClassification.FamilyTokens, "the model name reduced to its family word; anything else is \"other\""),
        FieldDeclaration.Integer(
            LogicalCpus, MetricsLevel.Full, "Logical CPUs (hardware threads) the kernel sees.",
            IntegerValues.Floors(LogicalCpuFloors)),
        FieldDeclaration.Integer(
            MemoryBytes, MetricsLevel.Full, "Memory the kernel manages (MemTotal), in bytes: rounded to the nearest power of two in MiB, then down to whole GiB (1 GiB to 1 PiB), so less than about 0.7 GiB gives 0.",
            IntegerValues.PowersOfTwo(BytesPerGibibyte, BytesPerGibibyte << 20, withZero: true)),
        FieldDeclaration.OneOf(
            Firmware, MetricsLevel.Full, "Whether the machine booted through UEFI or a legacy BIOS.",
            ["uefi", "bios", "other"], "uefi when /sys/firmware/efi exists, bios on x86 otherwise, other elsewhere"),
        FieldDeclaration.Integer(
            DiskCount, MetricsLevel.Full,
            "Physical disks: whole block devices, not partitions, loop, RAM, zram, device-mapper, md RAID, optical, network or removable devices.",
            Coarsen.CountValues),
        FieldDeclaration.Integer(
            DiskTotalBytes, MetricsLevel.Full, "Capacity of those disks together, in bytes: rounded to the nearest power of two of whole GiB (1 GiB to 16 PiB).",
            IntegerValues.PowersOfTwo(BytesPerGibibyte, BytesPerGibibyte << 24, withZero: true)),
        FieldDeclaration.Integer(
            RotationalDisks, MetricsLevel.Full, "Those disks that the kernel marks rotational (spinning).", Coarsen.CountValues),
        FieldDeclaration.Integer(
            SolidStateDisks, MetricsLevel.Full, "Those disks that the kernel marks non-rotational (SSD, NVMe).", Coarsen.CountValues),
        FieldDeclaration.OneOf(
            SystemVendor, MetricsLevel.Full, "The system's maker from DMI, to know which firmware and hardware quirks matter.",
            SystemVendors.Tokens, "the DMI vendor mapped to a short allow-list of makers; anything else is \"other\"; product names are never reported, serial numbers and UUIDs never read"),
    ];
}
