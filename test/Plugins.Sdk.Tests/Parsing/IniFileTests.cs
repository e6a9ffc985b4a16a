using Pinger.Plugins.Sdk.Parsing;

namespace Pinger.Plugins.Sdk.Tests.Parsing;

[TestClass]
public sealed class IniFileTests
{
    [TestMethod]
    public void Reads_keys_by_section_ignoring_comments_and_blank_lines()
    {
        var file = IniFile.Parse("# generated\n[connection]\nid=Home\ntype = wifi \n\n[ipv4]\nmethod=auto\n[ipv6]\nmethod=ignore\nmethod=manual\n");

        Assert.AreEqual("wifi", file.Get("connection", "type"));
        Assert.AreEqual("auto", file.Get("ipv4", "method"));
        Assert.AreEqual("manual", file.Get("ipv6", "method"));
        Assert.IsNull(file.Get("ipv4", "type"));
        Assert.IsNull(file.Get("proxy", "method"));
    }

    [TestMethod]
    public void Keeps_values_containing_equals_signs_and_skips_lines_without_a_key()
    {
        var file = IniFile.Parse("[wifi-security]\npsk=a=b=c\n=orphan\nnonsense\n");

        Assert.AreEqual("a=b=c", file.Get("wifi-security", "psk"));
        Assert.IsNull(file.Get("wifi-security", string.Empty));
    }

    [TestMethod]
    public void With_a_filter_only_the_keys_it_accepts_are_kept_and_no_other_value_is_held()
    {
        var file = IniFile.Parse("[connection]\ntype=wifi\n[wifi-security]\npsk=planted-secret\n", (section, key) => section == "connection");

        Assert.AreEqual("wifi", file.Get("connection", "type"));
        Assert.IsNull(file.Get("wifi-security", "psk"));
        CollectionAssert.AreEqual(new[] { "wifi" }, file.Values.ToArray());
    }

    [TestMethod]
    public void Puts_keys_before_the_first_header_in_the_unnamed_section_and_reads_crlf_lines()
    {
        var file = IniFile.Parse("top=1\r\n[ section ]\r\nkey=value\r\n");

        Assert.AreEqual("1", file.Get(string.Empty, "top"));
        Assert.AreEqual("value", file.Get("section", "key"));
        Assert.IsNull(file.Get("section", "top"));
    }

    [TestMethod]
    public void Compares_sections_and_keys_case_sensitively()
    {
        var file = IniFile.Parse("[IPv4]\nMethod=manual\n");

        Assert.IsNull(file.Get("ipv4", "Method"));
        Assert.IsNull(file.Get("IPv4", "method"));
        Assert.AreEqual("manual", file.Get("IPv4", "Method"));
    }
}
