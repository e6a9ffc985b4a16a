using Pinger.Plugins.Sdk.Detection;
using Pinger.Plugins.Sdk.Testing;

namespace Pinger.Plugins.Sdk.Tests.Detection;

[TestClass]
public sealed class VirtualizationDetectorTests
{
    private const string ComputerFlags = "flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep\n";
    private const string GuestFlags = "flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep hypervisor lahf_lm\n";

    [TestMethod]
    [DataRow("KVM", "Red Hat", null, HypervisorKind.Kvm, DisplayName = "product KVM")]
    [DataRow("OpenStack Nova", "OpenStack Foundation", null, HypervisorKind.Kvm, DisplayName = "OpenStack")]
    [DataRow("Standard PC (i440FX + PIIX, 1996)", "QEMU", null, HypervisorKind.Qemu, DisplayName = "QEMU without the KVM clock")]
    [DataRow("Standard PC (i440FX + PIIX, 1996)", "QEMU", "kvm-clock tsc acpi_pm", HypervisorKind.Kvm, DisplayName = "QEMU with the KVM clock")]
    [DataRow("VMware Virtual Platform", "VMware, Inc.", null, HypervisorKind.Vmware, DisplayName = "VMware")]
    [DataRow("VirtualBox", "innotek GmbH", null, HypervisorKind.Oracle, DisplayName = "VirtualBox")]
    [DataRow("HVM domU", "Xen", null, HypervisorKind.Xen, DisplayName = "Xen HVM")]
    [DataRow("c5.xlarge", "Amazon EC2", "kvm-clock tsc", HypervisorKind.Amazon, DisplayName = "Amazon EC2 wins over the KVM clock")]
    [DataRow("Google Compute Engine", "Google", "kvm-clock tsc", HypervisorKind.Google, DisplayName = "Google Compute Engine")]
    [DataRow("Virtual Machine", "Microsoft Corporation", null, HypervisorKind.Microsoft, DisplayName = "Hyper-V")]
    [DataRow("Bochs", "Bochs", null, HypervisorKind.Bochs, DisplayName = "Bochs")]
    [DataRow("Parallels Virtual Platform", "Parallels Software International Inc.", null, HypervisorKind.Parallels, DisplayName = "Parallels")]
    [DataRow("BHYVE", "FreeBSD", null, HypervisorKind.Bhyve, DisplayName = "bhyve")]
    [DataRow("Apple Virtualization Generic Platform", "Apple Inc.", null, HypervisorKind.Apple, DisplayName = "Apple Virtualization")]
    [DataRow("ProLiant DL380 Gen10", "HPE", null, HypervisorKind.Other, DisplayName = "unknown firmware with the hypervisor flag")]
    public void Names_the_hypervisor_from_firmware_tables_like_systemd_detect_virt(
        string productName, string vendor, string? clockSources, HypervisorKind expected)
    {
        var files = new InMemoryMachineFiles()
            .Add("/proc/cpuinfo", GuestFlags)
            .Add("/sys/class/dmi/id/product_name", productName + "\n")
            .Add("/sys/class/dmi/id/sys_vendor", vendor + "\n");
        if (clockSources is not null)
        {
            files.Add("/sys/devices/system/clocksource/clocksource0/available_clocksource", clockSources + "\n");
        }

        var found = VirtualizationDetector.Detect(files);

        Assert.AreEqual(new Virtualization(ContainerKind.None, expected), found);
        Assert.IsTrue(found.IsVirtualMachine);
    }

    [TestMethod]
    public void A_hypervisor_vendor_in_dmi_is_enough_without_the_cpu_flag()
    {
        var files = new InMemoryMachineFiles()
            .Add("/proc/cpuinfo", ComputerFlags)
            .Add("/sys/class/dmi/id/product_name", "PowerEdge R350\n")
            .Add("/sys/class/dmi/id/board_vendor", "VMware, Inc.\n");

        Assert.AreEqual(HypervisorKind.Vmware, VirtualizationDetector.Detect(files).Hypervisor);
    }

    [TestMethod]
    [DataRow("Surface Laptop 5", "Microsoft Corporation", DisplayName = "a Microsoft laptop")]
    [DataRow("PowerEdge R650", "Dell Inc.", DisplayName = "a Dell server")]
    public void Real_hardware_without_the_hypervisor_flag_is_bare_metal(string productName, string vendor)
    {
        var files = new InMemoryMachineFiles()
            .Add("/proc/cpuinfo", ComputerFlags)
            .Add("/sys/class/dmi/id/product_name", productName + "\n")
            .Add("/sys/class/dmi/id/sys_vendor", vendor + "\n");

        var found = VirtualizationDetector.Detect(files);

        Assert.AreEqual(new Virtualization(ContainerKind.None, HypervisorKind.None), found);
        Assert.IsFalse(found.IsVirtualMachine);
        Assert.IsFalse(found.IsContainer);
    }

    [TestMethod]
    public void Sees_the_hypervisor_flag_only_as_a_whole_word_of_the_flags_line()
    {
        Assert.AreEqual(HypervisorKind.Other, HypervisorFromCpuInfo("flags\t\t: fpu hypervisor lm\n"));
        Assert.AreEqual(HypervisorKind.None, HypervisorFromCpuInfo("flags\t\t: fpu nohypervisor lm\nvmx flags\t: hypervisor\n"));
    }

    [TestMethod]
    public void An_arm_cpu_description_without_flags_shows_no_hypervisor()
    {
        var arm = "processor\t: 0\nBogoMIPS\t: 50.00\nFeatures\t: fp asimd evtstrm\nCPU implementer\t: 0x41\nCPU architecture: 8\nCPU part\t: 0xd0c\n";

        Assert.AreEqual(HypervisorKind.None, HypervisorFromCpuInfo(arm));
    }

    [TestMethod]
    public void A_xen_guest_without_firmware_tables_is_found_through_sys_hypervisor()
    {
        var files = new InMemoryMachineFiles().Add("/proc/cpuinfo", GuestFlags).Add("/sys/hypervisor/type", "xen\n");

        Assert.AreEqual(HypervisorKind.Xen, VirtualizationDetector.Detect(files).Hypervisor);
    }

    [TestMethod]
    public void Bare_metal_needs_the_cpu_description_or_the_dmi_tables_to_be_told_from_no_data()
    {
        Assert.AreEqual(HypervisorKind.Unknown, VirtualizationDetector.Detect(new InMemoryMachineFiles()).Hypervisor);
        Assert.AreEqual(HypervisorKind.None, VirtualizationDetector.Detect(new InMemoryMachineFiles().AddDirectory("/sys/class/dmi/id")).Hypervisor);
        Assert.IsFalse(VirtualizationDetector.Detect(new InMemoryMachineFiles()).IsVirtualMachine);
    }

    [TestMethod]
    [DataRow("/run/systemd/container", "systemd-nspawn\n", ContainerKind.Nspawn)]
    [DataRow("/run/host/container-manager", "docker\n", ContainerKind.Docker)]
    [DataRow("/run/systemd/container", "podman\n", ContainerKind.Podman)]
    [DataRow("/proc/1/environ", "PATH=/usr/bin\0container=lxc\0HOME=/\0", ContainerKind.Lxc)]
    [DataRow("/proc/1/environ", "container=lxc-libvirt\0", ContainerKind.Lxc)]
    [DataRow("/proc/1/environ", "container=oci\0", ContainerKind.Other)]
    [DataRow("/.dockerenv", "", ContainerKind.Docker)]
    [DataRow("/run/.containerenv", "", ContainerKind.Podman)]
    public void Names_the_container_engine_and_still_reports_the_hosts_hypervisor(string path, string content, ContainerKind expected)
    {
        var files = new InMemoryMachineFiles()
            .Add(path, content)
            .Add("/proc/cpuinfo", GuestFlags)
            .Add("/sys/class/dmi/id/sys_vendor", "QEMU\n");

        var found = VirtualizationDetector.Detect(files);

        Assert.AreEqual(new Virtualization(expected, HypervisorKind.Qemu), found);
        Assert.IsTrue(found.IsContainer);
    }

    [TestMethod]
    public void The_manager_named_in_a_file_wins_over_marker_files_and_a_blank_one_is_passed_over_as_systemd_does()
    {
        var named = new InMemoryMachineFiles().Add("/run/host/container-manager", "systemd-nspawn\n").Add("/.dockerenv", string.Empty);
        var blank = new InMemoryMachineFiles().Add("/run/host/container-manager", "\n").Add("/proc/1/environ", "container=\0").Add("/run/.containerenv", string.Empty);
        var nothing = new InMemoryMachineFiles().Add("/run/systemd/container", " \n").Add("/proc/1/environ", "PATH=/usr/bin\0");

        Assert.AreEqual(ContainerKind.Nspawn, VirtualizationDetector.Detect(named).Container);
        Assert.AreEqual(ContainerKind.Podman, VirtualizationDetector.Detect(blank).Container);
        Assert.AreEqual(ContainerKind.None, VirtualizationDetector.Detect(nothing).Container);
    }

    private static HypervisorKind HypervisorFromCpuInfo(string cpuInfo) =>
        VirtualizationDetector.Detect(new InMemoryMachineFiles().Add("/proc/cpuinfo", cpuInfo)).Hypervisor;
}
