using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Testing;
using Pinger.Probes.Testing;

namespace Pinger.Probes.Platform.Tests;

[TestClass]
public sealed class PlatformProbeTests
{
    private const string ComputerFlags = "flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep\n";
    private const string GuestFlags = "flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep hypervisor lahf_lm\n";

    [TestMethod]
    public void Is_a_minimal_level_probe_enabled_by_default_within_five_seconds()
    {
        var descriptor = new PlatformProbe().Descriptor;

        Assert.AreEqual(MetricsLevel.Minimal, descriptor.MinimumLevel);
        Assert.IsTrue(descriptor.EnabledByDefault);
        Assert.IsTrue(descriptor.Fields.All(f => f.Level == MetricsLevel.Minimal));
        Assert.IsLessThanOrEqualTo(TimeSpan.FromSeconds(5), descriptor.TimeBudget);
    }

    [TestMethod]
    [DataRow("fcos-aws", "aws", "ignition")]
    [DataRow("fcos-aws-no-afterburn", "aws", "ignition")]
    [DataRow("fcos-gcp", "gcp", "ignition")]
    [DataRow("fcos-azure", "azure", "ignition")]
    [DataRow("fcos-metal", "metal", "ignition")]
    [DataRow("fcos-qemu-old-aleph", "qemu", "ignition")]
    [DataRow("debian", "kvm", "detected")]
    [DataRow("debian-podman-container", "container-podman", "detected")]
    [DataRow("empty", "unknown", "unknown")]
    public async Task Reports_the_platform_of_each_fixture_machine(string root, string id, string source)
    {
        var result = await CollectAsync(FixtureRoots.PathOf(root));

        ProbeAssert.Collected(result, new Dictionary<string, string> { ["id"] = id, ["source"] = source });
    }

    [TestMethod]
    public async Task An_ignition_id_outside_the_known_list_is_reported_as_other()
    {
        using var root = new TemporaryMachineRoot().Write("/proc/cmdline", "root=/dev/vda4 ignition.platform.id=acme-private-cloud rw\n");

        var result = await CollectAsync(root.Path);

        ProbeAssert.Collected(result, new Dictionary<string, string> { ["id"] = "other", ["source"] = "ignition" });
    }

    [TestMethod]
    public async Task Only_the_first_ignition_argument_counts()
    {
        using var root = new TemporaryMachineRoot().Write("/proc/cmdline", "ignition.platform.id=openstack ignition.platform.id=aws\n");

        var result = await CollectAsync(root.Path);

        ProbeAssert.Collected(result, new Dictionary<string, string> { ["id"] = "openstack", ["source"] = "ignition" });
    }

    [TestMethod]
    public async Task An_empty_first_ignition_argument_is_unknown_and_detection_takes_over()
    {
        using var root = new TemporaryMachineRoot()
            .Write("/proc/cmdline", "ignition.platform.id= ignition.platform.id=aws\n")
            .Write("/proc/cpuinfo", ComputerFlags);

        var result = await CollectAsync(root.Path);

        ProbeAssert.Collected(result, new Dictionary<string, string> { ["id"] = "none", ["source"] = "detected" });
    }

    [TestMethod]
    [DataRow("KVM", "Red Hat", null, "kvm", DisplayName = "product KVM")]
    [DataRow("OpenStack Nova", "OpenStack Foundation", null, "kvm", DisplayName = "OpenStack")]
    [DataRow("Standard PC (i440FX + PIIX, 1996)", "QEMU", null, "qemu", DisplayName = "QEMU without the KVM clock")]
    [DataRow("Standard PC (i440FX + PIIX, 1996)", "QEMU", "kvm-clock tsc acpi_pm", "kvm", DisplayName = "QEMU with the KVM clock")]
    [DataRow("VMware Virtual Platform", "VMware, Inc.", null, "vmware", DisplayName = "VMware")]
    [DataRow("VirtualBox", "innotek GmbH", null, "oracle", DisplayName = "VirtualBox")]
    [DataRow("HVM domU", "Xen", null, "xen", DisplayName = "Xen HVM")]
    [DataRow("c5.xlarge", "Amazon EC2", "kvm-clock tsc", "amazon", DisplayName = "Amazon EC2 wins over the KVM clock")]
    [DataRow("Google Compute Engine", "Google", "kvm-clock tsc", "google", DisplayName = "Google Compute Engine")]
    [DataRow("Virtual Machine", "Microsoft Corporation", "hyperv_clocksource_tsc_page", "microsoft", DisplayName = "Hyper-V")]
    [DataRow("Bochs", "Bochs", null, "bochs", DisplayName = "Bochs")]
    [DataRow("Parallels Virtual Platform", "Parallels Software International Inc.", null, "parallels", DisplayName = "Parallels")]
    [DataRow("BHYVE", "FreeBSD", null, "bhyve", DisplayName = "bhyve")]
    [DataRow("Apple Virtualization Generic Platform", "Apple Inc.", null, "apple", DisplayName = "Apple Virtualization")]
    [DataRow("ProLiant DL380 Gen10", "HPE", null, "vm-other", DisplayName = "unknown firmware with the hypervisor flag")]
    public async Task Detects_a_hypervisor_from_firmware_tables_like_systemd_detect_virt(
        string productName, string vendor, string? clockSources, string expected)
    {
        using var root = new TemporaryMachineRoot()
            .Write("/proc/cmdline", "BOOT_IMAGE=/vmlinuz root=/dev/sda1 ro\n")
            .Write("/proc/cpuinfo", GuestFlags)
            .Write("/sys/class/dmi/id/product_name", productName + "\n")
            .Write("/sys/class/dmi/id/sys_vendor", vendor + "\n");
        if (clockSources is not null)
        {
            root.Write("/sys/devices/system/clocksource/clocksource0/available_clocksource", clockSources + "\n");
        }

        var result = await CollectAsync(root.Path);

        ProbeAssert.Collected(result, new Dictionary<string, string> { ["id"] = expected, ["source"] = "detected" });
    }

    [TestMethod]
    [DataRow("Surface Laptop 5", "Microsoft Corporation", DisplayName = "a Microsoft laptop")]
    [DataRow("PowerEdge R650", "Dell Inc.", DisplayName = "a Dell server")]
    public async Task Real_hardware_without_the_hypervisor_flag_is_none(string productName, string vendor)
    {
        using var root = new TemporaryMachineRoot()
            .Write("/proc/cpuinfo", ComputerFlags)
            .Write("/sys/class/dmi/id/product_name", productName + "\n")
            .Write("/sys/class/dmi/id/sys_vendor", vendor + "\n");

        var result = await CollectAsync(root.Path);

        ProbeAssert.Collected(result, new Dictionary<string, string> { ["id"] = "none", ["source"] = "detected" });
    }

    [TestMethod]
    public async Task A_xen_guest_without_firmware_tables_is_found_through_sys_hypervisor()
    {
        using var root = new TemporaryMachineRoot()
            .Write("/proc/cpuinfo", GuestFlags)
            .Write("/sys/hypervisor/type", "xen\n");

        var result = await CollectAsync(root.Path);

        ProbeAssert.Collected(result, new Dictionary<string, string> { ["id"] = "xen", ["source"] = "detected" });
    }

    [TestMethod]
    [DataRow("/run/systemd/container", "systemd-nspawn\n", "container-nspawn")]
    [DataRow("/run/host/container-manager", "docker\n", "container-docker")]
    [DataRow("/proc/1/environ", "PATH=/usr/bin\0container=lxc\0HOME=/\0", "container-lxc")]
    [DataRow("/proc/1/environ", "container=lxc-libvirt\0", "container-lxc")]
    [DataRow("/proc/1/environ", "container=oci\0", "container-other")]
    [DataRow("/.dockerenv", "", "container-docker")]
    [DataRow("/run/.containerenv", "", "container-podman")]
    public async Task Detects_a_container_before_the_machine_that_hosts_it(string path, string content, string expected)
    {
        using var root = new TemporaryMachineRoot()
            .Write(path, content)
            .Write("/proc/cpuinfo", GuestFlags)
            .Write("/sys/class/dmi/id/sys_vendor", "QEMU\n");

        var result = await CollectAsync(root.Path);

        ProbeAssert.Collected(result, new Dictionary<string, string> { ["id"] = expected, ["source"] = "detected" });
    }

    [TestMethod]
    public async Task The_podman_fixture_is_a_container_even_though_its_firmware_tables_are_a_laptops()
    {
        var root = FixtureRoots.PathOf("debian-podman-container");
        Assert.AreEqual("LENOVO", File.ReadAllText(Path.Combine(root, "sys/class/dmi/id/sys_vendor")).Trim());

        var result = await CollectAsync(root);

        Assert.AreEqual(FieldValue.FromText("container-podman"), result.Values["id"]);
    }

    private static async Task<ProbeResult> CollectAsync(string root)
    {
        var probe = new PlatformProbe();
        var context = new FixtureProbeContext(root, probe.Descriptor, MetricsLevel.Minimal);
        return await probe.CollectAsync(context, CancellationToken.None);
    }
}
