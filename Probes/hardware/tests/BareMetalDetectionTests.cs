using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Testing;
using Pinger.Probes.Testing;

namespace Pinger.Probes.Hardware.Tests;

/// <summary>When the hardware probe believes it runs on bare metal, on small roots built from the metal server's files.</summary>
[TestClass]
public sealed class BareMetalDetectionTests
{
    private const string VirtualMachine = "A hypervisor was detected: virtual hardware is not reported.";

    [TestMethod]
    public async Task A_metal_platform_id_with_the_hypervisor_cpu_flag_is_a_virtual_machine()
    {
        using var root = MetalServerWith("BOOT_IMAGE=/vmlinuz ignition.platform.id=metal")
            .Write("/proc/cpuinfo", "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel Xeon Processor (Icelake)\nflags\t\t: fpu vme hypervisor lahf_lm\n");

        ProbeAssert.NotApplicable(await Run(root), VirtualMachine);
    }

    [TestMethod]
    public async Task Without_an_ignition_argument_a_hypervisor_vendor_in_dmi_is_a_virtual_machine()
    {
        using var root = MetalServerWith("BOOT_IMAGE=/vmlinuz root=/dev/sda2").Write("/sys/class/dmi/id/sys_vendor", "VMware, Inc.\n");

        ProbeAssert.NotApplicable(await Run(root), VirtualMachine);
    }

    [TestMethod]
    public async Task An_empty_ignition_platform_id_falls_back_to_looking_for_a_hypervisor()
    {
        using var root = MetalServerWith("ignition.platform.id= quiet").Write("/sys/class/dmi/id/product_name", "KVM\n");

        ProbeAssert.NotApplicable(await Run(root), VirtualMachine);
    }

    [TestMethod]
    public async Task A_xen_guest_seen_only_through_sys_hypervisor_is_a_virtual_machine()
    {
        using var root = MetalServerWith("quiet").Write("/sys/hypervisor/type", "xen\n");

        ProbeAssert.NotApplicable(await Run(root), VirtualMachine);
    }

    [TestMethod]
    public async Task A_hyper_v_guest_is_a_virtual_machine_but_a_microsoft_laptop_is_bare_metal()
    {
        using var guest = MetalServerWith("quiet").Write("/sys/class/dmi/id/sys_vendor", "Microsoft Corporation\n").Write("/sys/class/dmi/id/product_name", "Virtual Machine\n");
        using var laptop = MetalServerWith("quiet").Write("/sys/class/dmi/id/sys_vendor", "Microsoft Corporation\n").Write("/sys/class/dmi/id/product_name", "Surface Laptop 5\n");

        ProbeAssert.NotApplicable(await Run(guest), VirtualMachine);
        var result = await Run(laptop);
        Assert.AreEqual(ProbeOutcome.Collected, result.Outcome, result.Reason);
        Assert.AreEqual(FieldValue.FromText("microsoft"), result.Values["system_vendor"]);
    }

    [TestMethod]
    [DataRow("/run/.containerenv", "")]
    [DataRow("/.dockerenv", "")]
    [DataRow("/run/systemd/container", "podman\n")]
    [DataRow("/proc/1/environ", "PATH=/usr/bin\0container=podman\0HOME=/\0")]
    public async Task Container_marks_make_it_not_applicable(string path, string content)
    {
        using var root = MetalServerWith("quiet").Write(path, content);

        ProbeAssert.NotApplicable(await Run(root), "Running in a container, which shows the host's hardware only in part.");
    }

    [TestMethod]
    public async Task With_nothing_but_a_cpu_description_only_the_cpu_fields_are_known()
    {
        using var root = new TemporaryMachineRoot().CopyFrom("metal-server", "/proc/cpuinfo");

        var result = await Run(root);

        ProbeAssert.Collected(result, new FieldValues().Set("cpu_vendor", "intel").Set("cpu_family", "xeon").Set("logical_cpus", 16));
    }

    // The metal server's CPU and memory with a plain Dell DMI, and the given kernel command line.
    private static TemporaryMachineRoot MetalServerWith(string commandLine) =>
        new TemporaryMachineRoot()
            .Write("/proc/cmdline", commandLine + "\n")
            .CopyFrom("metal-server", "/proc/cpuinfo")
            .CopyFrom("metal-server", "/proc/meminfo")
            .Write("/sys/class/dmi/id/sys_vendor", "Dell Inc.\n")
            .Write("/sys/class/dmi/id/product_name", "PowerEdge R350\n");

    private static Task<ProbeResult> Run(TemporaryMachineRoot root)
    {
        var probe = new HardwareProbe();
        return probe.CollectAsync(new FixtureProbeContext(root.Path, probe.Descriptor), CancellationToken.None);
    }
}
