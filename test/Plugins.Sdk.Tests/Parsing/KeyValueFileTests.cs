using Pinger.Plugins.Sdk.Parsing;

namespace Pinger.Plugins.Sdk.Tests.Parsing;

[TestClass]
public sealed class KeyValueFileTests
{
    [TestMethod]
    public void Reads_plain_double_and_single_quoted_values()
    {
        var values = KeyValueFile.Parse("ID=fedora\nVERSION_ID=\"41\"\nOSTREE_VERSION='41.20241109.3.0'\n");

        Assert.AreEqual("fedora", values["ID"]);
        Assert.AreEqual("41", values["VERSION_ID"]);
        Assert.AreEqual("41.20241109.3.0", values["OSTREE_VERSION"]);
    }

    [TestMethod]
    public void Skips_comments_blank_lines_and_malformed_assignments()
    {
        var values = KeyValueFile.Parse("# comment\n\n=novalue\n1BAD=x\nGOOD=yes\nBROKEN=\"unterminated\n");

        CollectionAssert.AreEquivalent(new[] { "GOOD" }, values.Keys.ToArray());
    }

    [TestMethod]
    public void Unescapes_backslashes_inside_double_quotes_and_keeps_the_last_assignment()
    {
        var values = KeyValueFile.Parse("NAME=\"a \\\"b\\\" c\"\nNAME=\"second\"\nPRETTY=\"x \\\"y\\\"\"");

        Assert.AreEqual("second", values["NAME"]);
        Assert.AreEqual("x \"y\"", values["PRETTY"]);
    }
}
