using Pinger.Probes.Network;

namespace Pinger.Probes.FullLevel.Tests.Network;

[TestClass]
public sealed class KeyFileTests
{
    [TestMethod]
    public void Reads_keys_by_section_ignoring_comments_and_blank_lines()
    {
        var file = KeyFile.Parse("# generated\n[connection]\nid=Home\ntype = wifi \n\n[ipv4]\nmethod=auto\n[ipv6]\nmethod=ignore\nmethod=manual\n");

        Assert.AreEqual("wifi", file.Get("connection", "type"));
        Assert.AreEqual("auto", file.Get("ipv4", "method"));
        Assert.AreEqual("manual", file.Get("ipv6", "method"));
        Assert.IsNull(file.Get("ipv4", "type"));
        Assert.IsNull(file.Get("proxy", "method"));
    }

    [TestMethod]
    public void Keeps_values_containing_equals_signs_and_skips_lines_without_a_key()
    {
        var file = KeyFile.Parse("[wifi-security]\npsk=a=b=c\n=orphan\nnonsense\n");

        Assert.AreEqual("a=b=c", file.Get("wifi-security", "psk"));
        Assert.IsNull(file.Get("wifi-security", string.Empty));
    }

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
