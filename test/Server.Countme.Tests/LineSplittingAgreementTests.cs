using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Pinger.Testing.Countme;

namespace Pinger.Server.Countme.Tests;

/// <summary>
/// The hand-written line parser against mirrors-countme itself (its countme-parse-access-log run as a process,
/// the oracle), line by line, on tricky lines and on thousands of seeded random mutations of real-looking ones:
/// each line gets a host of its own, so the reference's raw table says what it made of every line. The one
/// deliberate difference allowed here: the reference reads a malformed time (" 11/Feb", "+2000") that Pinger
/// refuses.
/// </summary>
[TestClass]
public sealed partial class LineSplittingAgreementTests
{
    private static readonly string[] Seeds =
    [
        LogLine.Of(),
        LogLine.Of(request: "HEAD /mirrorlist?countme=3&repo=epel-8&arch=aarch64 HTTP/2.0", status: "302", agent: "rpm-ostree/2020.7 (Fedora 33; coreos; Linux.aarch64)"),
        LogLine.Of(agent: "libdnf (Red Hat Enterprise Linux 8.3; ; Linux.x86_64)", bytes: "-"),
        LogLine.Of(request: "GET /metalink?repo=f&repo=g&countme=%32&arch=x HTTP/1.1", referrer: "http://a/?q=\"x"),
        LogLine.Of(agent: "libdnf (My] \"GET OS 1; x; L.y)"),
        LogLine.Of(time: "11/Feb/2020:10:00:00 +0000] \"GET /metalink?countme=4 HTTP/1.1\" 200 1 \"-\" \"x"),
        LogLine.Of(agent: "libdnf"),
        LogLine.Of(agent: "dnf/4.14.0"),
        LogLine.Of(agent: "-"),
        LogLine.Of(agent: ""),
        LogLine.Of(agent: "libdnf5 (Fedora Linux 41; workstation; Linux.x86_64)"),
        LogLine.Of(request: "GET /metalink?repo=f&arch=x&countme=1_0 HTTP/1.1"),
        LogLine.Of(request: "GET /metalink?repo=f&arch=x&countme=-1 HTTP/1.1"),
        LogLine.Of(request: "GET /metalink?repo=f&arch=x&countme=%D9%A3 HTTP/1.1"),
    ];

    private static readonly string[] Inserts = [" ", "\"", "]", "[", "?", "&", "\t", "x", "1", ";", "(", ")", ".", "/", "=", "countme=2", "\" \"", "] \"", "-", "_", "+", "%00", "  ", "X", "\u00e9"];

    [TestMethod]
    public void Tricky_lines_are_read_as_the_reference_reads_them()
    {
        var outcome = Compare(Seeds);
        Assert.AreEqual(1, outcome.LenientTimes, "the request smuggled into a User-Agent");
        Assert.IsGreaterThan(8, outcome.Counted);
    }

    [TestMethod]
    public void Random_mutations_of_log_lines_are_read_as_the_reference_reads_them()
    {
        var random = new Random(2614);
        var lines = new List<string>();
        for (var i = 0; i < 20_000; i++)
        {
            var seed = Seeds[random.Next(Seeds.Length)];
            var address = seed.IndexOf(' ', StringComparison.Ordinal);
            var line = new StringBuilder(seed);
            for (var edits = random.Next(1, 4); edits > 0 && line.Length > address + 1; edits--)
            {
                var at = random.Next(address + 1, line.Length);
                if (random.Next(3) == 0)
                {
                    line.Remove(at, Math.Min(random.Next(1, 4), line.Length - at));
                }
                else
                {
                    line.Insert(at, Inserts[random.Next(Inserts.Length)]);
                }
            }
            lines.Add(line.ToString());
        }

        var outcome = Compare(lines);

        Assert.IsGreaterThan(1000, outcome.Counted, "the mutations should leave plenty of countable lines");
    }

    private static (int Counted, int LenientTimes) Compare(IReadOnlyList<string> lines)
    {
        var reference = MirrorsCountme.Locate();
        using var folder = new TempFolder();
        // Each line's address becomes its number, so the reference's raw table tells which line gave which hit.
        var numbered = lines.Select((line, i) => "h" + i.ToString(CultureInfo.InvariantCulture) + line[line.IndexOf(' ', StringComparison.Ordinal)..]).ToList();
        var log = folder.Write("access.log", string.Join("\n", numbered) + "\n");
        var rawDb = Path.Combine(folder.Root, "raw.db");
        var run = reference.Parse(rawDb, log);
        Assert.AreEqual(0, run.ExitCode, run.Error);
        var hits = MirrorsCountme.RawHits(rawDb).ToDictionary(r => r[0]);
        var times = reference.TimeFields(log);

        int counted = 0, lenient = 0;
        var parser = new AccessLogLineParser(CountmeLogImporter.MaxLineBytes);
        for (var i = 0; i < numbered.Count; i++)
        {
            var line = numbered[i];
            var actual = parser.Parse(Encoding.UTF8.GetBytes(line));
            var expected = hits.TryGetValue("h" + i.ToString(CultureInfo.InvariantCulture), out var hit) && !hit[6].StartsWith('-') ? hit : null;
            if (expected is null)
            {
                Assert.AreNotEqual(AccessLogLineKind.Counted, actual.Kind, "the reference does not count: " + line);
                continue;
            }
            if (actual.Kind == AccessLogLineKind.Malformed && !StrictTime().IsMatch(times[i]))
            {
                // The reference reads a time that is not dd/Mon/yyyy:HH:MM:SS ±hhmm (at most ±14:00), such as a
                // request smuggled into the User-Agent of another, with the rest of the line after its offset.
                lenient++;
                continue;
            }
            Assert.AreEqual(AccessLogLineKind.Counted, actual.Kind, "the reference counts: " + line);
            var seconds = long.Parse(expected[1], CultureInfo.InvariantCulture);
            var week = new DateOnly(1970, 1, 5).AddDays(7 * (int)Math.Floor((seconds - 345600) / 604800.0));
            // Pinger's one deliberate difference here: OS fields with markup, control characters or over 64 characters
            // are not kept (docs/countme-compatibility.md); the line still counts, with empty OS fields.
            var os = expected[2..6].All(IsKeptAsGiven) ? expected[2..6] : ["", "", "", ""];
            Assert.AreEqual(new CountmeTotalsKey(week, os[0], os[1], os[2], os[3], expected[6], expected[7], expected[8]), actual.Key, line);
            Assert.AreEqual(seconds, actual.UnixSeconds, line);
            counted++;
        }

        return (counted, lenient);
    }

    [GeneratedRegex(@"^[0-3][0-9]/(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/[0-9]{4}:[0-2][0-9]:[0-5][0-9]:[0-5][0-9] [+-](0[0-9]|1[0-4])[0-5][0-9]\z")]
    private static partial Regex StrictTime();

    private static bool IsKeptAsGiven(string field) =>
        field.Length <= 64 && field.All(c => c is >= ' ' and <= '~' && "<>\"'&`\\".IndexOf(c, StringComparison.Ordinal) < 0);
}
