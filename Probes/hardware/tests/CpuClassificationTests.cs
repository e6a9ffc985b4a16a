namespace Pinger.Probes.Hardware.Tests;

[TestClass]
public sealed class CpuClassificationTests
{
    [TestMethod]
    [DataRow("GenuineIntel", "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", "intel", "xeon")]
    [DataRow("GenuineIntel", "13th Gen Intel(R) Core(TM) i7-1365U", "intel", "core")]
    [DataRow("GenuineIntel", "Intel(R) Core(TM) Ultra 7 155H", "intel", "core")]
    [DataRow("GenuineIntel", "Intel(R) Atom(TM) CPU C3758 @ 2.20GHz", "intel", "atom")]
    [DataRow("GenuineIntel", "Intel(R) N100", "intel", "other")]
    [DataRow("AuthenticAMD", "AMD EPYC 9654 96-Core Processor", "amd", "epyc")]
    [DataRow("AuthenticAMD", "AMD Ryzen Threadripper PRO 5975WX 32-Cores", "amd", "threadripper")]
    [DataRow("AuthenticAMD", "AMD Ryzen 7 PRO 4750U with Radeon Graphics", "amd", "ryzen")]
    [DataRow("HygonGenuine", "Hygon C86 7285 32-core Processor", "hygon", "other")]
    [DataRow("CentaurHauls", "VIA Nano processor U2250", "other", "other")]
    public void Maps_x86_vendor_and_model_name_to_tokens(string vendorId, string modelName, string vendor, string family)
    {
        var cpu = CpuInfo.Parse($"processor\t: 0\nvendor_id\t: {vendorId}\nmodel name\t: {modelName}\n");

        Assert.AreEqual(vendor, CpuClassification.Vendor(cpu));
        Assert.AreEqual(family, CpuClassification.Family(cpu));
    }

    [TestMethod]
    [DataRow("0x41", "0xd0c", "arm", "neoverse")]
    [DataRow("0x41", "0xd08", "arm", "cortex")]
    [DataRow("0xc0", "0xac3", "ampere", "other")]
    [DataRow("0x61", "0x022", "apple", "other")]
    [DataRow("0x99", "0x001", "other", "other")]
    public void Maps_arm_implementer_and_part_to_tokens(string implementer, string part, string vendor, string family)
    {
        var cpu = CpuInfo.Parse($"processor\t: 0\nBogoMIPS\t: 50.00\nFeatures\t: fp asimd evtstrm\nCPU implementer\t: {implementer}\nCPU architecture: 8\nCPU part\t: {part}\n\nprocessor\t: 1\n");

        Assert.AreEqual(vendor, CpuClassification.Vendor(cpu));
        Assert.AreEqual(family, CpuClassification.Family(cpu));
        Assert.AreEqual(2, cpu.LogicalCpus);
    }

    [TestMethod]
    public void Reads_power_and_s390x_descriptions()
    {
        var power = CpuInfo.Parse("processor\t: 0\ncpu\t\t: POWER9 (architected), altivec supported\nclock\t\t: 2750.000000MHz\n");
        var z = CpuInfo.Parse("vendor_id       : IBM/S390\n# processors    : 2\nprocessor 0: version = 00,  identification = 0E1D38,  machine = 8561\nprocessor 1: version = 00,  identification = 0E1D38,  machine = 8561\n");

        Assert.AreEqual(("ibm", "power", 1), (CpuClassification.Vendor(power), CpuClassification.Family(power), power.LogicalCpus));
        Assert.AreEqual(("ibm", "z", 2), (CpuClassification.Vendor(z), CpuClassification.Family(z), z.LogicalCpus));
    }

    [TestMethod]
    public void Knows_nothing_from_an_empty_description()
    {
        var cpu = CpuInfo.Parse(string.Empty);

        Assert.IsNull(CpuClassification.Vendor(cpu));
        Assert.IsNull(CpuClassification.Family(cpu));
        Assert.AreEqual(0, cpu.LogicalCpus);
    }
}
