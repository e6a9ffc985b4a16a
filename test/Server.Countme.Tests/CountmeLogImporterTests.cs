using System.Security.Cryptography;

namespace Pinger.Server.Countme.Tests;

[TestClass]
public sealed class CountmeLogImporterTests
{
    [TestMethod]
    public void Counts_GET_and_HEAD_of_metalink_and_mirrorlist_answered_200_or_302()
    {
        var result = Import(
            LogLine.Of(request: "GET /metalink?" + LogLine.CountmeQuery + " HTTP/1.1"),
            LogLine.Of(request: "HEAD /metalink?" + LogLine.CountmeQuery + " HTTP/1.1"),
            LogLine.Of(request: "GET /mirrorlist?" + LogLine.CountmeQuery + " HTTP/2.0"),
            LogLine.Of(request: "GET /metalink?" + LogLine.CountmeQuery + " HTTP/1.0", status: "302"));

        Keys.AreEqual(new Dictionary<CountmeTotalsKey, long> { [Keys.Fedora33()] = 4 }, result.Totals);
        Assert.AreEqual(4, result.LinesRead);
        Assert.AreEqual(4, result.LinesCounted);
        Assert.AreEqual(0, result.LinesMalformed);
    }

    [TestMethod]
    [DataRow("POST /metalink?" + LogLine.CountmeQuery + " HTTP/1.1", "200")]
    [DataRow("get /metalink?" + LogLine.CountmeQuery + " HTTP/1.1", "200")]
    [DataRow("OPTIONS /metalink?" + LogLine.CountmeQuery + " HTTP/1.1", "200")]
    [DataRow("GET /metalink?" + LogLine.CountmeQuery + " HTTP/1.1", "304")]
    [DataRow("GET /metalink?" + LogLine.CountmeQuery + " HTTP/1.1", "404")]
    [DataRow("GET /metalink?" + LogLine.CountmeQuery + " HTTP/1.1", "500")]
    [DataRow("GET /metalink?" + LogLine.CountmeQuery + " HTTP/1.1", "2000")]
    [DataRow("GET /metalink?" + LogLine.CountmeQuery + " HTTP/1.1", "0200")]
    [DataRow("GET /metalinks?" + LogLine.CountmeQuery + " HTTP/1.1", "200")]
    [DataRow("GET /metalink/?" + LogLine.CountmeQuery + " HTTP/1.1", "200")]
    [DataRow("GET /pub/metalink?" + LogLine.CountmeQuery + " HTTP/1.1", "200")]
    [DataRow("GET /Metalink?" + LogLine.CountmeQuery + " HTTP/1.1", "200")]
    [DataRow("GET /metalink HTTP/1.1", "200")]
    [DataRow("GET /metalink? HTTP/1.1", "200")]
    [DataRow("GET /metalink?repo=fedora-33&arch=x86_64 HTTP/1.1", "200")]
    [DataRow("GET /metalink?repo=fedora-33&arch=x86_64&countme= HTTP/1.1", "200")]
    [DataRow("GET /metalink?repo=fedora-33&arch=x86_64&countme HTTP/1.1", "200")]
    public void A_well_formed_line_outside_the_rules_is_read_but_not_counted(string request, string status)
    {
        var result = Import(LogLine.Of(request: request, status: status));

        Assert.IsEmpty(result.Totals);
        Assert.AreEqual(1, result.LinesRead);
        Assert.AreEqual(0, result.LinesCounted);
        Assert.AreEqual(0, result.LinesMalformed);
    }

    [TestMethod]
    public void Query_order_repeated_keys_and_percent_encoding_follow_parse_qsl()
    {
        var result = Import(
            LogLine.Get("/metalink?countme=1&arch=x86_64&repo=fedora-33"),
            LogLine.Get("/metalink?repo=epel-8&repo=fedora-33&arch=aarch64&arch=x86_64&countme=4&countme=1"),
            LogLine.Get("/metalink?repo=fedora%2D33&%61rch=x86%5F64&countme=%31"),
            LogLine.Get("/metalink?repo=fedora-33&repo=&arch=x86_64&countme=1&countme="),
            LogLine.Get("/mirrorlist?repo=updates-released-f33&arch=x86_64&countme=3"),
            LogLine.Get("/metalink?countme=2"),
            LogLine.Get("/metalink?repo=a+b&arch=x86_64&countme=02"));

        Keys.AreEqual(new Dictionary<CountmeTotalsKey, long>
        {
            [Keys.Fedora33()] = 4,
            [Keys.Fedora33(sysAge: "3", repo: "updates-released-f33")] = 1,
            [Keys.Fedora33(sysAge: "2", repo: "", arch: "")] = 1,
            [Keys.Fedora33(sysAge: "2", repo: "a b")] = 1,
        }, result.Totals);
    }

    [TestMethod]
    public void Each_User_Agent_form_is_counted_under_its_own_os_fields_and_any_other_with_empty_ones()
    {
        var result = Import(
            LogLine.Of(agent: "libdnf (Fedora 33; workstation; Linux.x86_64)"),
            LogLine.Of(agent: "libdnf/0.48.0 (Fedora 33; workstation; Linux.x86_64)"),
            LogLine.Of(agent: "rpm-ostree (Fedora 33; coreos; Linux.x86_64)"),
            LogLine.Of(agent: "rpm-ostree/2020.10 (Fedora 33; coreos; Linux.x86_64)"),
            LogLine.Of(agent: "libdnf (Fedora 33; generic; Linux.aarch64)"),
            LogLine.Of(agent: "libdnf (Fedora 33; ; Linux.x86_64)"),
            LogLine.Of(agent: "libdnf (Fedora Linux 39; container; Linux.x86_64)"),
            LogLine.Of(agent: "libdnf"),
            LogLine.Of(agent: "rpm-ostree"),
            LogLine.Of(agent: "dnf/4.2.23"),
            LogLine.Of(agent: "Mozilla/5.0 (X11; Fedora; Linux x86_64; rv:84.0) Gecko/20100101 Firefox/84.0"),
            LogLine.Of(agent: "libdnf (Fedora 33; Workstation; Linux.x86_64)"),
            LogLine.Of(agent: "-"));

        Keys.AreEqual(new Dictionary<CountmeTotalsKey, long>
        {
            [Keys.Fedora33()] = 2,
            [new(Keys.Week2614, "Fedora", "33", "coreos", "x86_64", "1", "fedora-33", "x86_64")] = 2,
            [new(Keys.Week2614, "Fedora", "33", "generic", "aarch64", "1", "fedora-33", "x86_64")] = 1,
            [new(Keys.Week2614, "Fedora", "33", "", "x86_64", "1", "fedora-33", "x86_64")] = 1,
            [new(Keys.Week2614, "Fedora Linux", "39", "container", "x86_64", "1", "fedora-33", "x86_64")] = 1,
            [new(Keys.Week2614, "", "", "", "", "1", "fedora-33", "x86_64")] = 6,
        }, result.Totals);
        Assert.AreEqual(13, result.LinesRead);
        Assert.AreEqual(13, result.LinesCounted, "since 2023 mirrors-countme counts a countme request whatever its User-Agent");
        Assert.AreEqual(0, result.LinesMalformed);
    }

    [TestMethod]
    public void Hits_fall_in_the_week_of_their_UTC_time()
    {
        var result = Import(
            LogLine.Of(time: "09/Feb/2020:23:59:59 +0000"),
            LogLine.Of(time: "10/Feb/2020:00:00:00 +0000"),
            LogLine.Of(time: "10/Feb/2020:01:00:00 +0200"),
            LogLine.Of(time: "16/Feb/2020:23:59:59 +0000"),
            LogLine.Of(time: "16/Feb/2020:20:00:00 -0400"),
            LogLine.Of(time: "29/Feb/2020:12:00:00 +0000"));

        Keys.AreEqual(new Dictionary<CountmeTotalsKey, long>
        {
            [Keys.Fedora33(week: new DateOnly(2020, 2, 3))] = 2,
            [Keys.Fedora33(week: new DateOnly(2020, 2, 10))] = 2,
            [Keys.Fedora33(week: new DateOnly(2020, 2, 17))] = 1,
            [Keys.Fedora33(week: new DateOnly(2020, 2, 24))] = 1,
        }, result.Totals);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("garbage")]
    [DataRow(" - - [11/Feb/2020:10:00:00 +0000] \"GET /metalink?countme=1 HTTP/1.1\" 200 1 \"-\" \"libdnf (Fedora 33; workstation; Linux.x86_64)\"")]
    [DataRow("203.0.113.77 - - [11/Feb/2020:10:00:00 +0000] \"GET /metalink?countme=1 HTTP/1.1\" 200 1 \"-\"")]
    [DataRow("203.0.113.77 - - [11/Feb/2020:10:00:00 +0000] \"GET /metalink?countme=1\" 200 1 \"-\" \"libdnf (Fedora 33; workstation; Linux.x86_64)\"")]
    [DataRow("203.0.113.77 - - [11/Feb/2020:10:00:00 +0000] \"GET /metalink?countme=1 HTTP/1.1\" 200 - \"\" \"libdnf (Fedora 33; workstation; Linux.x86_64)\"")]
    [DataRow("203.0.113.77 - - [11/Feb/2020:10:00:00 +0000] \"GET /metalink?countme=1 HTTP/1.1\" 200 1 \"-\" \"libdnf (Fedora 33; workstation; Linux.x86_64)\" trailing")]
    [DataRow("203.0.113.77 - - 11/Feb/2020:10:00:00 +0000 \"GET /metalink?countme=1 HTTP/1.1\" 200 1 \"-\" \"libdnf (Fedora 33; workstation; Linux.x86_64)\"")]
    [DataRow("203.0.113.77 - - [11/Foo/2020:10:00:00 +0000] \"GET /metalink?countme=1 HTTP/1.1\" 200 1 \"-\" \"libdnf (Fedora 33; workstation; Linux.x86_64)\"")]
    [DataRow("203.0.113.77 - - [31/Feb/2020:10:00:00 +0000] \"GET /metalink?countme=1 HTTP/1.1\" 200 1 \"-\" \"libdnf (Fedora 33; workstation; Linux.x86_64)\"")]
    [DataRow("203.0.113.77 - - [2020-02-11T10:00:00Z] \"GET /metalink?countme=1 HTTP/1.1\" 200 1 \"-\" \"libdnf (Fedora 33; workstation; Linux.x86_64)\"")]
    [DataRow("203.0.113.77 - - [11/Feb/2020:10:00:00 +0000] \"GET /metalink?countme=abc HTTP/1.1\" 200 1 \"-\" \"libdnf (Fedora 33; workstation; Linux.x86_64)\"")]
    [DataRow("203.0.113.77 - - [11/Feb/2020:10:00:00 +0000] \"GET /metalink?countme=1.0 HTTP/1.1\" 200 1 \"-\" \"libdnf (Fedora 33; workstation; Linux.x86_64)\"")]
    public void A_malformed_line_is_skipped_and_counted_as_malformed(string line)
    {
        var result = Import(line, LogLine.Of());

        Keys.AreEqual(new Dictionary<CountmeTotalsKey, long> { [Keys.Fedora33()] = 1 }, result.Totals);
        Assert.AreEqual(2, result.LinesRead);
        Assert.AreEqual(1, result.LinesCounted);
        Assert.AreEqual(1, result.LinesMalformed);
    }

    [TestMethod]
    public void Odd_but_valid_spacing_quoting_and_line_ends_still_count()
    {
        var result = Import(
            LogLine.Of() + "\r",
            LogLine.Of() + "  \t",
            LogLine.Of().Replace("] \"GET", "]\t\"GET", StringComparison.Ordinal),
            LogLine.Of(referrer: "https://example.org/a \"b"),
            LogLine.Of(bytes: "-"),
            "2001:db8::1 ident user [11/Feb/2020:10:00:00 +0000] \"GET /metalink?" + LogLine.CountmeQuery + " HTTP/1.1\" 200 1 \"-\" \"" + LogLine.Fedora33 + "\"",
            LogLine.Of(request: "GET /metalink?" + LogLine.CountmeQuery + "&unknown=%zz&=x HTTP/1.1"));

        Assert.AreEqual(6, result.LinesCounted, Keys.Show(result.Totals));
        Assert.AreEqual(1, result.LinesMalformed, "a quote inside the referrer ends it early");
    }

    [TestMethod]
    public void Bytes_that_are_not_UTF_8_do_not_stop_the_import()
    {
        using var folder = new TempFolder();
        var line = System.Text.Encoding.UTF8.GetBytes(LogLine.Of(referrer: "http://example.org/\u00e9") + "\n");
        // The same line from another address with its é in Latin-1, then a line of two stray bytes.
        var other = System.Text.Encoding.UTF8.GetBytes(LogLine.Of(referrer: "http://example.org/\u00e9") + "\n");
        var at = Array.IndexOf(other, (byte)0xC3);
        byte[] latin1 = [.. other[..at], 0xE9, .. other[(at + 2)..]];
        var path = folder.WriteBytes("latin1.log", [.. latin1, 0xFF, 0xFE, (byte)'\n', .. line]);

        var result = CountmeLogImporter.Import(path);

        Assert.AreEqual((3L, 2L, 1L), (result.LinesRead, result.LinesCounted, result.LinesMalformed));
    }

    [TestMethod]
    public void CRLF_and_LF_files_give_the_same_totals_and_a_missing_last_newline_is_fine()
    {
        var lines = new[] { LogLine.Of(), LogLine.Of(agent: "rpm-ostree (Fedora 33; coreos; Linux.x86_64)"), LogLine.Of(status: "404") };
        using var folder = new TempFolder();

        var lf = CountmeLogImporter.Import(folder.Write("lf.log", string.Join("\n", lines) + "\n"));
        var crlf = CountmeLogImporter.Import(folder.Write("crlf.log", string.Join("\r\n", lines) + "\r\n"));
        var unterminated = CountmeLogImporter.Import(folder.Write("open.log", string.Join("\n", lines)));

        Keys.AreEqual(lf.Totals, crlf.Totals);
        Keys.AreEqual(lf.Totals, unterminated.Totals);
        Assert.AreEqual(2, lf.LinesCounted);
        Assert.AreEqual(3, crlf.LinesRead);
        Assert.AreEqual(3, unterminated.LinesRead);
        Assert.AreNotEqual(lf.ContentSha256, crlf.ContentSha256);
    }

    [TestMethod]
    public void A_line_longer_than_the_limit_is_skipped_as_malformed_without_losing_the_next_ones()
    {
        var huge = LogLine.Of(referrer: new string('r', CountmeLogImporter.MaxLineBytes * 3));
        var justFits = LogLine.Of(referrer: new string('r', CountmeLogImporter.MaxLineBytes - LogLine.Of().Length));

        var result = Import(LogLine.Of(), huge, LogLine.Of(), justFits, huge);

        Assert.AreEqual(5, result.LinesRead);
        Assert.AreEqual(3, result.LinesCounted);
        Assert.AreEqual(2, result.LinesMalformed);
    }

    [TestMethod]
    public void A_line_stuffed_with_fake_requests_is_settled_without_counting_any_of_them()
    {
        var fake = "] \"GET /metalink?countme=1 HTTP/1.1\" 200 1 \"-\" \"libdnf (a 1; b; c.d) ";
        var stuffed = LogLine.Address + " - - [x" + string.Concat(Enumerable.Repeat(fake, 400)) + "q)\"";

        var result = Import(stuffed, LogLine.Of());

        // Only the last split fits (a User-Agent without quotes), and its time is the whole stuffed text.
        Assert.AreEqual((2L, 1L, 1L), (result.LinesRead, result.LinesCounted, result.LinesMalformed));
    }

    [TestMethod]
    public void A_gzip_file_is_recognised_by_its_bytes_not_its_name_and_gives_the_same_totals()
    {
        var content = string.Join("\n", LogLine.Of(), LogLine.Of(status: "302"), LogLine.Of(status: "404"), "junk") + "\n";
        using var folder = new TempFolder();

        var plain = CountmeLogImporter.Import(folder.Write("access.log.gz", content));
        var gzip = CountmeLogImporter.Import(folder.WriteGzip("access.log", content));

        Keys.AreEqual(new Dictionary<CountmeTotalsKey, long> { [Keys.Fedora33()] = 2 }, plain.Totals);
        Keys.AreEqual(plain.Totals, gzip.Totals);
        Assert.AreEqual((4L, 2L, 1L), (gzip.LinesRead, gzip.LinesCounted, gzip.LinesMalformed));
    }

    [TestMethod]
    public void A_gzip_file_of_several_members_is_read_to_its_end()
    {
        using var folder = new TempFolder();
        var path = folder.WriteGzip("rotated.gz", LogLine.Of() + "\n" + LogLine.Of(), "\n" + LogLine.Of() + "\n", LogLine.Of() + "\n");

        var result = CountmeLogImporter.Import(path);

        Assert.AreEqual(4, result.LinesCounted);
        Assert.AreEqual(Sha256(path), result.ContentSha256);
    }

    [TestMethod]
    public void A_corrupt_gzip_file_is_refused_naming_it()
    {
        using var folder = new TempFolder();
        var bytes = TempFolder.Gzip(string.Join("\n", Enumerable.Repeat(LogLine.Of(), 2000)));
        for (var i = 20; i < bytes.Length - 20; i++)
        {
            bytes[i] ^= 0x5a;
        }
        var path = folder.WriteBytes("broken.log.gz", bytes);

        var error = Assert.ThrowsExactly<FormatException>(() => CountmeLogImporter.Import(path));

        StringAssert.StartsWith(error.Message, path + ": the gzip data is corrupt or truncated");
    }

    [TestMethod]
    public void A_truncated_gzip_file_is_refused_naming_it()
    {
        using var folder = new TempFolder();
        var bytes = TempFolder.Gzip(string.Join("\n", Enumerable.Range(0, 2000).Select(i => LogLine.Of(bytes: i.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        var path = folder.WriteBytes("cut.log.gz", bytes[..(bytes.Length / 2)]);

        var error = Assert.ThrowsExactly<FormatException>(() => CountmeLogImporter.Import(path));

        StringAssert.StartsWith(error.Message, path + ": the gzip data is corrupt or truncated");
    }

    [TestMethod]
    public void The_content_hash_is_the_SHA_256_of_the_stored_bytes_and_repeats_on_reimport()
    {
        using var folder = new TempFolder();
        var content = LogLine.Of() + "\n" + LogLine.Of(status: "404") + "\n";
        var plain = folder.Write("a.log", content);
        var copy = folder.Write("b.log", content);
        var gzip = folder.WriteGzip("a.log.gz", content);

        var first = CountmeLogImporter.Import(plain);
        var again = CountmeLogImporter.Import(plain);

        Assert.AreEqual(Sha256(plain), first.ContentSha256);
        Assert.AreEqual(first.ContentSha256, again.ContentSha256);
        Assert.AreEqual(first.ContentSha256, CountmeLogImporter.Import(copy).ContentSha256, "same bytes, another name");
        Assert.AreEqual(Sha256(gzip), CountmeLogImporter.Import(gzip).ContentSha256, "the compressed bytes, as stored");
        Assert.AreNotEqual(first.ContentSha256, CountmeLogImporter.Import(gzip).ContentSha256);
        Assert.AreEqual(64, first.ContentSha256.Length);
    }

    [TestMethod]
    public void An_empty_file_has_no_lines_and_the_hash_of_nothing()
    {
        using var folder = new TempFolder();

        var result = CountmeLogImporter.Import(folder.Write("empty.log", ""));

        Assert.AreEqual((0L, 0L, 0L), (result.LinesRead, result.LinesCounted, result.LinesMalformed));
        Assert.AreEqual("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", result.ContentSha256);
    }

    [TestMethod]
    public void The_client_address_appears_nowhere_in_the_result()
    {
        var result = Import(
            LogLine.Of(address: LogLine.Address),
            LogLine.Of(request: $"GET /metalink?repo=fedora-33&arch=x86_64&countme=1&ip={LogLine.Address} HTTP/1.1", address: "203.0.113.78"));

        var strings = result.Totals.Keys.SelectMany(k => new[] { k.OsName, k.OsVersion, k.OsVariant, k.OsArch, k.SysAge, k.RepoTag, k.RepoArch })
            .Append(result.ContentSha256);
        Assert.IsFalse(strings.Any(s => s.Contains("203.0.113", StringComparison.Ordinal) || s.Contains("2001:db8", StringComparison.Ordinal)));
        Assert.IsFalse(typeof(CountmeImport).GetProperties().Any(p => p.Name.Contains("Host", StringComparison.OrdinalIgnoreCase)
            || p.Name.Contains("Address", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("Ip", StringComparison.Ordinal)));
        Keys.AreEqual(new Dictionary<CountmeTotalsKey, long> { [Keys.Fedora33()] = 2 }, result.Totals);
    }

    [TestMethod]
    public void A_mixed_log_adds_up_to_totals_counted_by_hand()
    {
        // 10 lines: 6 hits in two weeks and four buckets, 2 not counted, 2 malformed.
        var result = Import(
            LogLine.Get("/metalink?repo=fedora-33&arch=x86_64&countme=1"),
            LogLine.Get("/metalink?repo=fedora-33&arch=x86_64&countme=1", time: "12/Feb/2020:08:00:00 +0000"),
            LogLine.Get("/metalink?repo=updates-released-f33&arch=x86_64&countme=4", agent: "rpm-ostree (Fedora 33; coreos; Linux.x86_64)"),
            LogLine.Get("/metalink?repo=updates-released-f33&arch=x86_64&countme=4", agent: "rpm-ostree (Fedora 33; coreos; Linux.x86_64)", status: "302"),
            LogLine.Get("/metalink?repo=fedora-33&arch=x86_64&countme=1", time: "17/Feb/2020:00:00:00 +0000"),
            LogLine.Get("/metalink?repo=fedora-33&arch=x86_64"),
            LogLine.Get("/metalink?repo=fedora-33&arch=x86_64&countme=1", status: "304"),
            LogLine.Get("/metalink?repo=fedora-33&arch=x86_64&countme=1", agent: "libdnf"),
            "not a log line",
            LogLine.Get("/metalink?repo=fedora-33&arch=x86_64&countme=1", time: "bad time"));

        Keys.AreEqual(new Dictionary<CountmeTotalsKey, long>
        {
            [Keys.Fedora33()] = 2,
            [new(Keys.Week2614, "Fedora", "33", "coreos", "x86_64", "4", "updates-released-f33", "x86_64")] = 2,
            [Keys.Fedora33(week: new DateOnly(2020, 2, 17))] = 1,
            [new(Keys.Week2614, "", "", "", "", "1", "fedora-33", "x86_64")] = 1,
        }, result.Totals);
        Assert.AreEqual((10L, 6L, 2L), (result.LinesRead, result.LinesCounted, result.LinesMalformed));
    }

    private static CountmeImport Import(params string[] lines)
    {
        using var folder = new TempFolder();
        return CountmeLogImporter.Import(folder.Write("access.log", string.Join("\n", lines) + "\n"));
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
