using Pinger.Plugins.Sdk;

namespace Pinger.Probes.Hardware;

/// <summary>
/// The physical disks under <c>/sys/block</c>. Left out: devices built on other devices or on memory (loop, ram,
/// zram, dm-*, md*, bcache*, drbd*, zd*), network block devices (nbd*, rbd*), optical and floppy drives (sr*, fd*),
/// eMMC boot and RPMB areas, hidden NVMe multipath paths, removable media and empty devices (card readers), so that
/// a disk is counted once and its capacity is not counted twice through a RAID or LVM volume.
/// </summary>
internal static class BlockDevices
{
    private static readonly string[] DerivedOrVirtualPrefixes =
        ["loop", "ram", "zram", "dm-", "md", "bcache", "drbd", "zd", "nbd", "rbd", "sr", "fd"];

    /// <summary>The disks, or null when <c>/sys/block</c> cannot be listed at all.</summary>
    public static IReadOnlyList<Disk>? Read(IMachineFiles files)
    {
        if (!files.IsDirectory("/sys/block"))
        {
            return null;
        }

        var disks = new List<Disk>();
        foreach (var name in files.ListDirectory("/sys/block"))
        {
            if (IsDerivedOrVirtual(name))
            {
                continue;
            }

            var directory = $"/sys/block/{name}";
            var sectors = files.ReadInteger($"{directory}/size");
            if (sectors is null or 0 || files.ReadInteger($"{directory}/removable") == 1 || files.ReadInteger($"{directory}/hidden") == 1)
            {
                continue;
            }

            // "size" counts 512-byte sectors whatever the device's own block size.
            var rotational = files.ReadInteger($"{directory}/queue/rotational");
            disks.Add(new Disk(sectors.Value * 512, rotational is null ? null : rotational == 1));
        }

        return disks;
    }

    private static bool IsDerivedOrVirtual(string name) =>
        DerivedOrVirtualPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))
        || (name.StartsWith("mmcblk", StringComparison.Ordinal) && (name.Contains("boot", StringComparison.Ordinal) || name.Contains("rpmb", StringComparison.Ordinal)));
}
