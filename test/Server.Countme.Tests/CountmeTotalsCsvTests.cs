using System.Security.Cryptography;

namespace Pinger.Server.Countme.Tests;

[TestClass]
public sealed class CountmeTotalsCsvTests
{
    private const string Header = "week_start,week_end,hits,os_name,os_version,os_variant,os_arch,sys_age,repo_tag,repo_arch";

    [TestMethod]
    public void Writes_the_published_header_and_rows_with_Monday_and_Sunday_in_Pythons_csv_dialect()
    {
        var text = new StringWriter();

        CountmeTotalsCsv.Write(text,
        [
            (Keys.Fedora33(), 3174),
            (new CountmeTotalsKey(new DateOnly(2020, 12, 28), "CentOS Linux", "8", "", "x86_64", "2", "epel-8", "x86_64"), 1),
            (new CountmeTotalsKey(Keys.Week2614, "Odd, \"Quoted\" OS", "1", "x", "y", "4", "a", "b"), 7),
        ]);

        Assert.AreEqual(
            Header + "\r\n"
            + "2020-02-10,2020-02-16,3174,Fedora,33,workstation,x86_64,1,fedora-33,x86_64\r\n"
            + "2020-12-28,2021-01-03,1,CentOS Linux,8,,x86_64,2,epel-8,x86_64\r\n"
            + "2020-02-10,2020-02-16,7,\"Odd, \"\"Quoted\"\" OS\",1,x,y,4,a,b\r\n",
            text.ToString());
    }

    [TestMethod]
    public void What_is_written_reads_back_to_the_same_totals_plain_and_gzip()
    {
        var totals = new Dictionary<CountmeTotalsKey, long>
        {
            [Keys.Fedora33()] = 3174,
            [Keys.Fedora33(sysAge: "4", week: new DateOnly(2021, 1, 18))] = 2533,
            [new(Keys.Week2614, "Fedora", "33", "", "aarch64", "1", "updates-released-f33", "aarch64")] = 1,
            [new(Keys.Week2614, "Odd, \"Quoted\"\nOS", "1", "x", "y", "-1", "", "")] = 5,
        };
        var text = new StringWriter();
        CountmeTotalsCsv.Write(text, totals.Select(t => (t.Key, t.Value)));
        using var folder = new TempFolder();

        var plain = CountmeTotalsReader.Read(folder.Write("totals.csv", text.ToString()));
        var gzip = CountmeTotalsReader.Read(folder.WriteGzip("totals.csv.gz", text.ToString()));

        Keys.AreEqual(totals, plain.Totals);
        Keys.AreEqual(totals, gzip.Totals);
        Assert.AreEqual((4L, 4L), (plain.LinesRead, plain.LinesCounted));
    }

    [TestMethod]
    public void Reads_a_published_file_with_LF_or_CRLF_a_byte_order_mark_or_a_blank_last_line_and_sums_repeated_keys()
    {
        var rows = new[]
        {
            Header,
            "2020-12-28,2021-01-03,9598,CentOS Linux,8,generic,x86_64,1,epel-modular-8,x86_64",
            "2020-12-28,2021-01-03,2,Fedora,33,,x86_64,2,fedora-modular-33,x86_64",
            "2020-12-28,2021-01-03,3,Fedora,33,,x86_64,2,fedora-modular-33,x86_64",
            "2021-01-04,2021-01-10,4,Fedora,33,workstation,x86_64,01,updates-released-f33,x86_64",
        };
        using var folder = new TempFolder();

        var lf = CountmeTotalsReader.Read(folder.Write("lf.csv", "\uFEFF" + string.Join("\n", rows) + "\n\n"));
        var crlf = CountmeTotalsReader.Read(folder.Write("crlf.csv", string.Join("\r\n", rows) + "\r\n"));

        var week2660 = new DateOnly(2020, 12, 28);
        Keys.AreEqual(new Dictionary<CountmeTotalsKey, long>
        {
            [new(week2660, "CentOS Linux", "8", "generic", "x86_64", "1", "epel-modular-8", "x86_64")] = 9598,
            [new(week2660, "Fedora", "33", "", "x86_64", "2", "fedora-modular-33", "x86_64")] = 5,
            [new(new DateOnly(2021, 1, 4), "Fedora", "33", "workstation", "x86_64", "1", "updates-released-f33", "x86_64")] = 4,
        }, lf.Totals);
        Keys.AreEqual(lf.Totals, crlf.Totals);
        Assert.AreEqual(4, lf.LinesRead);
    }

    [TestMethod]
    public void The_content_hash_is_of_the_stored_bytes_and_repeats()
    {
        using var folder = new TempFolder();
        var path = folder.Write("totals.csv", Header + "\r\n2020-02-10,2020-02-16,1,Fedora,33,workstation,x86_64,1,fedora-33,x86_64\r\n");

        var first = CountmeTotalsReader.Read(path);

        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), first.ContentSha256);
        Assert.AreEqual(first.ContentSha256, CountmeTotalsReader.Read(path).ContentSha256);
    }

    [TestMethod]
    [DataRow("", "line 1: empty file, expected the header '" + Header + "'")]
    [DataRow("week_start,week_end,hits\n", "line 1: expected the header '" + Header + "', found another line (not shown: it may hold client addresses; access logs are imported with import-log)")]
    [DataRow("2020-02-10,2020-02-16,1,Fedora,33,workstation,x86_64,1,fedora-33,x86_64\n", "line 1: expected the header '" + Header + "', found another line (not shown: it may hold client addresses; access logs are imported with import-log)")]
    [DataRow(Header + "\n2020-02-10,2020-02-16,1,Fedora,33\n", "line 2: expected 10 fields, found 5")]
    [DataRow(Header + "\n2020-02-10,2020-02-16,1,Fedora,33,workstation,x86_64,1,fedora-33,x86_64\n2020-02-10,2020-02-16,1,Fedora,33,workstation,x86_64,1,fedora-33,x86_64,extra\n", "line 3: expected 10 fields, found 11")]
    [DataRow(Header + "\n2020-02-10,2020-02-16,many,Fedora,33,workstation,x86_64,1,fedora-33,x86_64\n", "line 2: hits is not a non-negative integer")]
    [DataRow(Header + "\n2020-02-10,2020-02-16,-5,Fedora,33,workstation,x86_64,1,fedora-33,x86_64\n", "line 2: hits is not a non-negative integer")]
    [DataRow(Header + "\n2020-02-11,2020-02-17,1,Fedora,33,workstation,x86_64,1,fedora-33,x86_64\n", "line 2: week_start 2020-02-11 is a Tuesday, not a Monday")]
    [DataRow(Header + "\n2020-02-10,2020-02-17,1,Fedora,33,workstation,x86_64,1,fedora-33,x86_64\n", "line 2: week_end 2020-02-17 is not the Sunday after week_start 2020-02-10")]
    [DataRow(Header + "\n10/02/2020,2020-02-16,1,Fedora,33,workstation,x86_64,1,fedora-33,x86_64\n", "line 2: week_start is not a yyyy-MM-dd date")]
    [DataRow(Header + "\n2020-02-10,2020-02-16,1,Fedora,33,workstation,x86_64,old,fedora-33,x86_64\n", "line 2: sys_age is not an integer")]
    [DataRow(Header + "\n2020-02-10,2020-02-16,1,Fed\"ora,33,workstation,x86_64,1,fedora-33,x86_64\n", "line 2: a badly quoted field")]
    [DataRow(Header + "\r\n2020-02-10,2020-02-16,1,\"Two\r\nLines\",33,workstation,x86_64,1,fedora-33,x86_64\r\n2020-02-10,2020-02-16,x,Fedora,33,workstation,x86_64,1,fedora-33,x86_64\r\n", "line 4: hits is not a non-negative integer")]
    public void A_malformed_totals_csv_is_refused_naming_the_file_and_line(string content, string message)
    {
        using var folder = new TempFolder();
        var path = folder.Write("totals.csv", content);

        var error = Assert.ThrowsExactly<FormatException>(() => CountmeTotalsReader.Read(path));

        Assert.AreEqual(path + ": " + message, error.Message);
    }

    [TestMethod]
    public void An_access_log_given_by_mistake_is_refused_without_repeating_its_lines()
    {
        using var folder = new TempFolder();
        var path = folder.Write("access.log",
            "192.0.2.7 - - [23/Nov/2026:10:00:00 +0000] \"GET /metalink?repo=fedora-41&arch=x86_64&countme=1 HTTP/1.1\" 200 100 \"-\" \"libdnf (Fedora Linux 41; server; Linux.x86_64)\"\n");

        var error = Assert.ThrowsExactly<FormatException>(() => CountmeTotalsReader.Read(path));

        StringAssert.StartsWith(error.Message, path + ": line 1: ");
        Assert.IsFalse(error.Message.Contains("192.0.2.7", StringComparison.Ordinal), error.Message);
    }

    [TestMethod]
    public void A_field_without_end_is_refused_naming_its_line()
    {
        using var folder = new TempFolder();
        var path = folder.Write("totals.csv", Header + "\n2020-02-10,2020-02-16,1,\"" + new string('x', 100_000) + "\n");

        var error = Assert.ThrowsExactly<FormatException>(() => CountmeTotalsReader.Read(path));

        Assert.AreEqual(path + ": line 2: a field longer than 4096 characters", error.Message);
    }
}
