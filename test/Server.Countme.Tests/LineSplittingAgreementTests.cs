using System.Globalization;
using System.Text;
using Pinger.Protocol.Windows;

namespace Pinger.Server.Countme.Tests;

/// <summary>
/// The hand-written line splitter against mirrors-countme's regexes, on tricky lines and on thousands of
/// seeded random mutations of real-looking ones: same lines counted, under the same key.
/// </summary>
[TestClass]
public sealed class LineSplittingAgreementTests
{
    private static readonly string[] Seeds =
    [
        LogLine.Of(),
        LogLine.Of(request: "HEAD /mirrorlist?countme=3&repo=epel-8&arch=aarch64 HTTP/2.0", status: "302", agent: "rpm-ostree/2020.7 (Fedora 33; coreos; Linux.aarch64)"),
        LogLine.Of(agent: "libdnf (Red Hat Enterprise Linux 8.3; ; Linux.x86_64)", bytes: "-"),
        LogLine.Of(request: "GET /metalink?repo=f&repo=g&countme=%32&arch=x HTTP/1.1", referrer: "http://a/?q=\"x"),
        LogLine.Of(agent: "libdnf (My] \"GET OS 1; x; L.y)"),
        LogLine.Of(time: "11/Feb/2020:10:00:00 +0000] \"GET /metalink?countme=4 HTTP/1.1\" 200 1 \"-\" \"x"),
    ];

    private static readonly string[] Inserts = [" ", "\"", "]", "[", "?", "&", "\t", "x", "1", ";", "(", ")", ".", "/", "=", "countme=2", "\" \"", "] \"", "-", "\r"];

    [TestMethod]
    public void Tricky_lines_are_split_as_the_regexes_split_them()
    {
        foreach (var line in Seeds)
        {
            AssertAgrees(line);
        }
    }

    [TestMethod]
    public void Random_mutations_of_log_lines_are_classified_as_the_regexes_classify_them()
    {
        var random = new Random(2614);
        var counted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var line = new StringBuilder(Seeds[random.Next(Seeds.Length)]);
            for (var edits = random.Next(1, 4); edits > 0 && line.Length > 0; edits--)
            {
                var at = random.Next(line.Length);
                if (random.Next(3) == 0)
                {
                    line.Remove(at, Math.Min(random.Next(1, 4), line.Length - at));
                }
                else
                {
                    line.Insert(at, Inserts[random.Next(Inserts.Length)]);
                }
            }
            counted += AssertAgrees(line.ToString()) ? 1 : 0;
        }
        Assert.IsGreaterThan(1000, counted, "the mutations should leave plenty of countable lines");
    }

    /// <returns>Whether the line was counted.</returns>
    private static bool AssertAgrees(string line)
    {
        var actual = new AccessLogLineParser(CountmeLogImporter.MaxLineBytes).Parse(Encoding.UTF8.GetBytes(line));
        var expected = Expected(line);
        Assert.AreEqual(expected.Kind, actual.Kind, line);
        Assert.AreEqual(expected.Key, actual.Key, line);
        return actual.Kind == AccessLogLineKind.Counted;
    }

    private static AccessLogLine Expected(string line)
    {
        var countme = MirrorsCountmePatterns.CountmeLine.Match(line);
        if (!countme.Success)
        {
            return MirrorsCountmePatterns.AnyLine.IsMatch(line) ? AccessLogLine.NotCounted : AccessLogLine.Malformed;
        }
        var query = countme.Groups["query"].Value;
        // The leading '?' that CountmeQuery.Parse drops, so that a query starting with '?' stays as it was.
        var (repo, arch, age) = CountmeQuery.Parse("?" + query);
        if (!HasCountme(query))
        {
            return AccessLogLine.NotCounted;
        }
        if (age is null || !LogTimestamp.TryParseUnixSeconds(countme.Groups["time"].Value, out var seconds))
        {
            return AccessLogLine.Malformed;
        }
        return AccessLogLine.Counted(new CountmeTotalsKey(
            CountingCalendar.WeekStart(CountingCalendar.WeekNumberOfUnixTime(seconds)),
            countme.Groups["os_name"].Value, countme.Groups["os_version"].Value, countme.Groups["os_variant"].Value,
            countme.Groups["os_arch"].Value, age.Value.ToString(CultureInfo.InvariantCulture), repo ?? "", arch ?? ""));
    }

    private static bool HasCountme(string query) =>
        query.Split('&').Select(p => p.Split('=', 2)).Any(p => p.Length == 2 && p[1].Length > 0
            && System.Net.WebUtility.UrlDecode(p[0]) == "countme");
}
