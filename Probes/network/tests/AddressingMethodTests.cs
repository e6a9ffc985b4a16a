namespace Pinger.Probes.Network.Tests;

[TestClass]
public sealed class AddressingMethodTests
{
    [TestMethod]
    [DataRow(null, "dhcp", "dhcp")]
    [DataRow("auto", "dhcp", "dhcp")]
    [DataRow("dhcp", "other", "dhcp")]
    [DataRow("manual", "static", "static")]
    [DataRow("disabled", "disabled", "disabled")]
    [DataRow("ignore", "other", "disabled")]
    [DataRow("link-local", "link-local", "link-local")]
    [DataRow("shared", "other", "other")]
    [DataRow("planted-nonsense", "other", "other")]
    public void Maps_networkmanager_methods_to_tokens(string? method, string ipv4, string ipv6)
    {
        Assert.AreEqual(ipv4, AddressingMethod.FromIpv4(method));
        Assert.AreEqual(ipv6, AddressingMethod.FromIpv6(method));
    }
}
