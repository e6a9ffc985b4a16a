using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Testing;

namespace Pinger.Probes.Hardware.Tests;

[TestClass]
public sealed class SystemVendorTests
{
    [TestMethod]
    [DataRow("Dell Inc.", "", "dell")]
    [DataRow("HPE", "", "hpe")]
    [DataRow("Hewlett Packard Enterprise", "", "hpe")]
    [DataRow("HP", "", "hp")]
    [DataRow("Hewlett-Packard", "", "hp")]
    [DataRow("Supermicro", "", "supermicro")]
    [DataRow("Super Micro Computer, Inc.", "", "supermicro")]
    [DataRow("LENOVO", "", "lenovo")]
    [DataRow("To Be Filled By O.E.M.", "ASRockRack", "asrock")]
    [DataRow("System manufacturer", "ASUSTeK COMPUTER INC.", "asus")]
    [DataRow("Planted Garage Builds Ltd", "Planted Garage Builds Ltd", "other")]
    public void Maps_the_maker_to_an_allow_listed_token(string systemVendor, string boardVendor, string expected)
    {
        using var root = new TemporaryMachineRoot()
            .Write("/sys/class/dmi/id/sys_vendor", systemVendor + "\n")
            .Write("/sys/class/dmi/id/board_vendor", boardVendor + "\n");

        Assert.AreEqual(expected, SystemVendors.Detect(new RootedMachineFiles(root.Path)));
    }

    [TestMethod]
    public void Knows_no_maker_without_dmi()
    {
        using var root = new TemporaryMachineRoot();

        Assert.IsNull(SystemVendors.Detect(new RootedMachineFiles(root.Path)));
    }
}
