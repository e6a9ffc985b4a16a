using Pinger.Plugins.Sdk;

namespace Pinger.Probes.Hardware;

/// <summary>
/// Coarse facts about the physical machine. It runs on bare metal only: in a virtual machine or a container
/// the same files describe what a hypervisor or engine chose to show, which says nothing about hardware.
/// </summary>
public sealed class HardwareProbe : IProbe
{
    /// <inheritdoc />
    public ProbeDescriptor Descriptor { get; } = new(
        "hardware",
        "Coarse CPU, memory, firmware, disk and maker facts of a bare-metal machine.",
        MetricsLevel.Full,
        enabledByDefault: true,
        TimeSpan.FromSeconds(5),
        HardwareFields.All);

    /// <inheritdoc />
    public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken)
    {
        var files = context.Files;
        var cpu = CpuInfo.Read(files);
        var placement = PlacementDetection.Detect(files, cpu);
        if (placement != Placement.BareMetal || cpu is null)
        {
            return Task.FromResult(NotBareMetal(placement, files));
        }

        var values = new FieldValues();
        AddCpu(values, cpu);
        if (MemoryTotal.ReadMebibytes(files) is { } mebibytes)
        {
            // Coarsened in MiB, then cut to whole GiB, and sent in bytes (the unit node_exporter and OpenMetrics use).
            values.Set(HardwareFields.MemoryBytes, Coarsen.PowerOfTwo(mebibytes) / 1024 * HardwareFields.BytesPerGibibyte);
        }

        values.SetIfKnown(HardwareFields.Firmware, Firmware.Detect(files, cpu));
        AddDisks(values, BlockDevices.Read(files));
        values.SetIfKnown(HardwareFields.SystemVendor, SystemVendors.Detect(files));
        return Task.FromResult(ProbeResult.Collected(values));
    }

    private static ProbeResult NotBareMetal(Placement placement, IMachineFiles files) => placement switch
    {
        Placement.DeclaredPlatform => ProbeResult.NotApplicable("Ignition names a cloud or virtual platform, not bare metal."),
        Placement.Container => ProbeResult.NotApplicable("Running in a container, which shows the host's hardware only in part."),
        Placement.VirtualMachine => ProbeResult.NotApplicable("A hypervisor was detected: virtual hardware is not reported."),
        // Every Linux machine has /proc/cpuinfo: a root without one (a fixture holding only what another probe reads) has
        // no hardware to describe, which is no failure; one that is there but cannot be read is.
        _ when !files.ListDirectory("/proc").Contains("cpuinfo") => ProbeResult.NotApplicable("There is no /proc/cpuinfo below this root: no hardware to describe."),
        _ => ProbeResult.Failed("/proc/cpuinfo could not be read, so a hypervisor cannot be ruled out."),
    };

    private static void AddCpu(FieldValues values, CpuInfo cpu)
    {
        values.SetIfKnown(HardwareFields.CpuVendor, CpuClassification.Vendor(cpu));
        values.SetIfKnown(HardwareFields.CpuFamily, CpuClassification.Family(cpu));
        if (cpu.LogicalCpus > 0)
        {
            values.Set(HardwareFields.LogicalCpus, Coarsen.Floor(cpu.LogicalCpus, HardwareFields.LogicalCpuFloors));
        }
    }

    private static void AddDisks(FieldValues values, IReadOnlyList<Disk>? disks)
    {
        // Null means /sys/block could not be listed: the disk fields are unknown, not zero.
        if (disks is null)
        {
            return;
        }

        values.Set(HardwareFields.DiskCount, Coarsen.Count(disks.Count));
        values.Set(HardwareFields.DiskTotalBytes, Coarsen.PowerOfTwo(disks.Sum(d => d.Bytes) / HardwareFields.BytesPerGibibyte) * HardwareFields.BytesPerGibibyte);
        values.Set(HardwareFields.RotationalDisks, Coarsen.Count(disks.Count(d => d.Rotational == true)));
        values.Set(HardwareFields.SolidStateDisks, Coarsen.Count(disks.Count(d => d.Rotational == false)));
    }
}
