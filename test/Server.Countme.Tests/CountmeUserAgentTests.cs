namespace Pinger.Server.Countme.Tests;

[TestClass]
public sealed class CountmeUserAgentTests
{
    [TestMethod]
    [DataRow("libdnf (Fedora 33; workstation; Linux.x86_64)", "Fedora", "33", "workstation", "x86_64")]
    [DataRow("libdnf/0.35.5 (Fedora 32; workstation; Linux.x86_64)", "Fedora", "32", "workstation", "x86_64")]
    [DataRow("libdnf (Fedora 32; generic; Linux.x86_64)", "Fedora", "32", "generic", "x86_64")]
    [DataRow("rpm-ostree (Fedora 33; coreos; Linux.x86_64)", "Fedora", "33", "coreos", "x86_64")]
    [DataRow("rpm-ostree/2020.10 (Fedora 33; iot; Linux.aarch64)", "Fedora", "33", "iot", "aarch64")]
    [DataRow("rpm-ostree (Fedora Linux 40; unknown; Linux.x86_64)", "Fedora Linux", "40", "unknown", "x86_64")]
    [DataRow("libdnf (Fedora Linux 39; container; Linux.ppc64le)", "Fedora Linux", "39", "container", "ppc64le")]
    [DataRow("libdnf (CentOS Linux 8; generic; Linux.x86_64)", "CentOS Linux", "8", "generic", "x86_64")]
    [DataRow("libdnf (Red Hat Enterprise Linux 8.3; generic; Linux.s390x)", "Red Hat Enterprise Linux", "8.3", "generic", "s390x")]
    [DataRow("libdnf (Fedora 34; ; Linux.x86_64)", "Fedora", "34", "", "x86_64")]
    [DataRow("libdnf (Fedora ; generic; Linux.x86_64)", "Fedora", "", "generic", "x86_64")]
    [DataRow("libdnf (Fedora rawhide; workstation; Linux.x86_64)", "Fedora", "rawhide", "workstation", "x86_64")]
    [DataRow("libdnf  (Fedora 33; workstation; Linux.x86_64)", "Fedora", "33", "workstation", "x86_64")]
    [DataRow("libdnf (Fedora 33; workstation; GNU/Linux.x86_64)", "Fedora", "33", "workstation", "x86_64")]
    public void Reads_the_os_release_fields_of_libdnf_and_rpm_ostree(string agent, string name, string version, string variant, string arch)
    {
        Assert.AreEqual(new CountmeClient(name, version, variant, arch), CountmeUserAgent.Parse(agent));
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("libdnf")]
    [DataRow("libdnf/0.55.0")]
    [DataRow("rpm-ostree")]
    [DataRow("dnf/4.2.23")]
    [DataRow("curl/7.71.1")]
    [DataRow("Mozilla/5.0 (X11; Fedora; Linux x86_64; rv:84.0) Gecko/20100101 Firefox/84.0")]
    [DataRow("Mozilla libdnf (Fedora 33; workstation; Linux.x86_64)")]
    [DataRow("libdnf (Fedora 33; workstation; Linux.x86_64) extra")]
    [DataRow("libdnf (Fedora 33; workstation; Linux.x86_64")]
    [DataRow("LIBDNF (Fedora 33; workstation; Linux.x86_64)")]
    [DataRow("libdnf (Fedora 33; Workstation; Linux.x86_64)")]
    [DataRow("libdnf (CentOS Stream 9.X; generic; Linux.x86_64)")]
    [DataRow("libdnf (Fedora33; workstation; Linux.x86_64)")]
    [DataRow("libdnf (Fedora 33;workstation; Linux.x86_64)")]
    [DataRow("libdnf (Fedora 33; workstation; x86_64)")]
    [DataRow("libdnf (Fedora 33; workstation; Linux.x86-64)")]
    [DataRow("libdnf (Fedora 33; workstation)")]
    [DataRow("libdnf(Fedora 33; workstation; Linux.x86_64)")]
    [DataRow("libdnf (Fedora 33\u00a0; workstation; Linux.x86_64)")]
    public void Anything_else_is_not_a_countme_client(string? agent)
    {
        Assert.IsNull(CountmeUserAgent.Parse(agent));
    }

    [TestMethod]
    public void The_name_takes_everything_up_to_the_last_space_before_the_version_as_mirrors_countme_does()
    {
        Assert.AreEqual(new CountmeClient("My (odd); OS 2", "1", "x", "y"), CountmeUserAgent.Parse("libdnf (My (odd); OS 2 1; x; L.y)"));
    }

    [TestMethod]
    public void A_header_longer_than_the_limit_is_not_a_countme_client()
    {
        var padding = new string('x', CountmeUserAgent.MaxLength);

        Assert.IsNotNull(CountmeUserAgent.Parse($"libdnf/{padding[..900]} (Fedora 33; workstation; Linux.x86_64)"));
        Assert.IsNull(CountmeUserAgent.Parse($"libdnf/{padding} (Fedora 33; workstation; Linux.x86_64)"));
    }

    [TestMethod]
    [DataRow("libdnf (F\u00e9dora 33; workstation; Linux.x86_64)")]
    [DataRow("libdnf (Fedora\tLinux 33; workstation; Linux.x86_64)")]
    [DataRow("libdnf (=HYPERLINK(\"x\")\u007f 33; workstation; Linux.x86_64)")]
    [DataRow("libdnf (<script>alert(1)</script> 33; workstation; Linux.x86_64)")]
    [DataRow("libdnf (Fedora & 'Co' 33; workstation; Linux.x86_64)")]
    [DataRow("libdnf (F`x`\\ 33; workstation; Linux.x86_64)")]
    public void An_os_field_outside_printable_ascii_or_with_markup_is_not_kept(string agent)
    {
        Assert.IsNull(CountmeUserAgent.Parse(agent));
    }

    [TestMethod]
    public void An_os_field_over_the_cap_is_not_kept()
    {
        var name = new string('F', CountmeUserAgent.MaxFieldLength);

        Assert.AreEqual(name, CountmeUserAgent.Parse($"libdnf ({name} 33; workstation; Linux.x86_64)")?.OsName);
        Assert.IsNull(CountmeUserAgent.Parse($"libdnf ({name}F 33; workstation; Linux.x86_64)"));
    }

    [TestMethod]
    [DataRow("Mozilla/5.0 (X11; Linux x86_64)")]
    [DataRow("")]
    [DataRow(null)]
    [DataRow("libdnf (F\u00e9dora 33; workstation; Linux.x86_64)")]
    public void Client_gives_any_other_header_without_a_double_quote_empty_os_fields(string? agent)
    {
        Assert.AreSame(CountmeClient.Unknown, CountmeUserAgent.Client(agent));
    }

    [TestMethod]
    public void Client_keeps_the_fields_of_the_form_and_refuses_a_quoted_header_that_is_not_the_form()
    {
        Assert.AreEqual(new CountmeClient("Fedora", "33", "iot", "aarch64"), CountmeUserAgent.Client("libdnf (Fedora 33; iot; Linux.aarch64)"));
        Assert.IsNull(CountmeUserAgent.Client("curl \"x\""));
        Assert.AreSame(CountmeClient.Unknown, CountmeUserAgent.Client("libdnf (My \"odd\" OS 1; x; L.y)"), "the form with a quoted name is a hit, its fields not kept");
    }

    [TestMethod]
    public void A_hostile_header_does_not_hang_the_parser()
    {
        var agent = "libdnf (" + string.Concat(Enumerable.Repeat("a 1; b; ", 5000)) + "c";

        Assert.IsNull(CountmeUserAgent.Parse(agent));
    }
}
