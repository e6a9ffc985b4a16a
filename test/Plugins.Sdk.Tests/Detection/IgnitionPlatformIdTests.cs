using Pinger.Plugins.Sdk.Detection;
using Pinger.Plugins.Sdk.Testing;

namespace Pinger.Plugins.Sdk.Tests.Detection;

[TestClass]
public sealed class IgnitionPlatformIdTests
{
    [TestMethod]
    [DataRow("BOOT_IMAGE=/vmlinuz ignition.platform.id=aws rw\n", "aws")]
    [DataRow("ignition.platform.id=acme-private-cloud\n", "acme-private-cloud")]
    [DataRow("ignition.platform.id=openstack ignition.platform.id=aws\n", "openstack")]
    [DataRow("ignition.platform.id= ignition.platform.id=aws\n", null)]
    [DataRow("ignition.platform.id quiet\n", null)]
    [DataRow("BOOT_IMAGE=/vmlinuz root=/dev/sda2\n", null)]
    public void Reads_the_raw_first_value_and_treats_an_empty_one_as_absent(string commandLine, string? expected)
    {
        var files = new InMemoryMachineFiles().Add("/proc/cmdline", commandLine);

        Assert.AreEqual(expected, IgnitionPlatformId.Read(files));
    }

    [TestMethod]
    public void Is_absent_when_the_command_line_cannot_be_read()
    {
        Assert.IsNull(IgnitionPlatformId.Read(new InMemoryMachineFiles()));
    }
}
