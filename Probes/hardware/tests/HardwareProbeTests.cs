using Pinger.Plugins.Sdk;
using Pinger.Probes.Testing;

namespace Pinger.Probes.Hardware.Tests;

[TestClass]
public sealed class HardwareProbeTests
{
    [TestMethod]
    public void Runs_and_emits_only_at_the_full_level_and_is_enabled_by_default()
    {
        var descriptor = new HardwareProbe().Descriptor;

        Assert.AreEqual(MetricsLevel.Full, descriptor.MinimumLevel);
        var belowFull = descriptor.Fields.Where(f => f.Level != MetricsLevel.Full).Select(f => f.Name).ToArray();
        Assert.IsEmpty(belowFull, string.Join(", ", belowFull));
        Assert.IsTrue(descriptor.EnabledByDefault);
    }

    [TestMethod]
    public async Task Describes_the_dell_metal_server_with_its_four_disks_and_uefi()
    {
        var result = await FixtureRoots.RunAsync(new HardwareProbe(), "metal-server");

        // 16 threads; 62.5 GiB MemTotal; 2 x 894 GiB SSD + 2 x 3726 GiB HDD = 9240 GiB (md127, dm-0, loop0, sr0 skipped).
        ProbeAssert.Collected(result, new FieldValues()
            .Set("cpu_vendor", "intel")
            .Set("cpu_family", "xeon")
            .Set("logical_cpus", 16)
            .Set("memory_bytes", 64L << 30)
            .Set("firmware", "uefi")
            .Set("disks", 2)
            .Set("disk_total_bytes", 8192L << 30)
            .Set("rotational_disks", 2)
            .Set("solid_state_disks", 2)
            .Set("system_vendor", "dell"));
    }

    [TestMethod]
    public async Task Describes_the_lenovo_laptop_found_bare_metal_without_an_ignition_argument()
    {
        var result = await FixtureRoots.RunAsync(new HardwareProbe(), "laptop-wifi");

        // One 954 GiB NVMe disk; the empty card reader, zram swap and loop devices are not disks.
        ProbeAssert.Collected(result, new FieldValues()
            .Set("cpu_vendor", "intel")
            .Set("cpu_family", "core")
            .Set("logical_cpus", 16)
            .Set("memory_bytes", 32L << 30)
            .Set("firmware", "uefi")
            .Set("disks", 1)
            .Set("disk_total_bytes", 1024L << 30)
            .Set("rotational_disks", 0)
            .Set("solid_state_disks", 1)
            .Set("system_vendor", "lenovo"));
    }

    [TestMethod]
    public async Task Describes_the_hpe_okd_node_booted_by_bios_counting_multipath_nvme_once()
    {
        var result = await FixtureRoots.RunAsync(new HardwareProbe(), "okd-node");

        // 48 threads round down to 32; hidden nvme*c*n1 paths and the Ceph rbd0 are skipped: 447 + 2 x 2981 = 6408 GiB.
        ProbeAssert.Collected(result, new FieldValues()
            .Set("cpu_vendor", "amd")
            .Set("cpu_family", "epyc")
            .Set("logical_cpus", 32)
            .Set("memory_bytes", 256L << 30)
            .Set("firmware", "bios")
            .Set("disks", 2)
            .Set("disk_total_bytes", 8192L << 30)
            .Set("rotational_disks", 0)
            .Set("solid_state_disks", 2)
            .Set("system_vendor", "hpe"));
    }

    [TestMethod]
    public async Task Is_not_applicable_on_the_aws_virtual_machine()
    {
        var result = await FixtureRoots.RunAsync(new HardwareProbe(), "aws-vm");

        ProbeAssert.NotApplicable(result, "Ignition names a cloud or virtual platform, not bare metal.");
    }

    [TestMethod]
    public async Task Is_not_applicable_on_the_qemu_docker_host()
    {
        var result = await FixtureRoots.RunAsync(new HardwareProbe(), "docker-host");

        ProbeAssert.NotApplicable(result, "Ignition names a cloud or virtual platform, not bare metal.");
    }

    [TestMethod]
    public async Task Is_not_applicable_on_a_root_without_any_cpu_description()
    {
        var result = await FixtureRoots.RunAsync(new HardwareProbe(), "empty");

        ProbeAssert.NotApplicable(result, "There is no /proc/cpuinfo below this root: no hardware to describe.");
    }

    [TestMethod]
    public async Task Fails_when_the_cpu_description_cannot_be_read_so_a_hypervisor_cannot_be_ruled_out()
    {
        var result = await FixtureRoots.RunAsync(new HardwareProbe(), "unreadable");

        ProbeAssert.Failed(result, "/proc/cpuinfo could not be read, so a hypervisor cannot be ruled out.");
    }

    [TestMethod]
    public async Task Never_touches_serial_numbers_uuids_asset_tags_or_disk_identities()
    {
        var probe = new HardwareProbe();
        var context = new ObservedProbeContext(FixtureRoots.Context("metal-server", probe));

        var result = await probe.CollectAsync(context, CancellationToken.None);

        Assert.AreEqual(ProbeOutcome.Collected, result.Outcome);
        string[] forbidden = ["serial", "uuid", "asset_tag", "wwid", "vpd_pg", "/device/"];
        var touched = context.Files.Touched.Where(path => forbidden.Any(f => path.Contains(f, StringComparison.Ordinal))).ToArray();
        Assert.IsEmpty(touched, string.Join(", ", touched));
    }
}
