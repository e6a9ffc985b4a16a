using Pinger.Server.Publishing;

namespace Pinger.Server.Tests.Publishing;

[TestClass]
public sealed class CsvTextTests
{
    [TestMethod]
    [DataRow("=1+1", "'=1+1")]
    [DataRow("+cmd", "'+cmd")]
    [DataRow("-cmd|'/c calc'!A1", "'-cmd|'/c calc'!A1")]
    [DataRow("@SUM(A1)", "'@SUM(A1)")]
    [DataRow("\tx", "'\tx")]
    [DataRow("\rx", "\"'\rx\"")]
    [DataRow("=HYPERLINK(\"http://evil.example/\",\"click\")", "\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\"")]
    [DataRow("=cmd|'/c calc'!A1,x", "\"'=cmd|'/c calc'!A1,x\"")]
    [DataRow("-", "'-")]
    [DataRow("-1x", "'-1x")]
    public void A_text_cell_that_a_spreadsheet_would_read_as_a_formula_gets_a_leading_apostrophe(string cell, string written)
    {
        Assert.AreEqual("a," + written + "\n", CsvText.Line("a", cell));
    }

    [TestMethod]
    [DataRow("12")]
    [DataRow("-1")]
    [DataRow("+2")]
    [DataRow("-0.5")]
    [DataRow("1e5")]
    [DataRow("Fedora Linux")]
    [DataRow("fedora-41")]
    [DataRow("")]
    public void Numbers_and_other_text_are_written_as_they_are(string cell)
    {
        Assert.AreEqual(cell + ",3\n", CsvText.Line(cell, "3"));
    }

    [TestMethod]
    public void Quoting_still_follows_rfc_4180()
    {
        Assert.AreEqual("\"a,b\",\"say \"\"hi\"\"\",\"x\ny\"\n", CsvText.Line("a,b", "say \"hi\"", "x\ny"));
    }
}
