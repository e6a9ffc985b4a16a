using Pinger.Plugins.Sdk.Testing;

namespace Pinger.Plugins.Sdk.Tests;

[TestClass]
public sealed class MachineFilesExtensionsTests
{
    [TestMethod]
    public void Reads_text_without_the_kernels_newline_and_null_when_missing()
    {
        var files = new InMemoryMachineFiles().Add("/sys/class/net/eth0/type", "1\n").Add("/sys/hypervisor/type", "  xen \n");

        Assert.AreEqual("1", files.ReadTrimmed("/sys/class/net/eth0/type"));
        Assert.AreEqual("xen", files.ReadTrimmed("/sys/hypervisor/type"));
        Assert.IsNull(files.ReadTrimmed("/sys/class/net/eth1/type"));
    }

    [TestMethod]
    [DataRow("1953525168\n", 1953525168L)]
    [DataRow(" 0 \n", 0L)]
    [DataRow("-1\n", null)]
    [DataRow("+1\n", null)]
    [DataRow("1.5\n", null)]
    [DataRow("1 2\n", null)]
    [DataRow("0x10\n", null)]
    [DataRow("\n", null)]
    public void Reads_a_whole_non_negative_decimal_number_or_nothing(string text, long? expected)
    {
        var files = new InMemoryMachineFiles().Add("/sys/block/sda/size", text);

        Assert.AreEqual(expected, files.ReadInteger("/sys/block/sda/size"));
    }

    [TestMethod]
    public void Reads_no_number_from_a_missing_file()
    {
        Assert.IsNull(new InMemoryMachineFiles().ReadInteger("/sys/block/sda/size"));
    }
}
