using System.Diagnostics;
using System.Globalization;
using System.Text;
using Pinger.Server.Storage;
using Pinger.Server.Tests.Infrastructure;
using Pinger.Testing.Countme;

namespace Pinger.Server.Tests.Countme;

/// <summary>
/// <c>pinger-server import-log</c> against Fedora's mirrors-countme (countme-parse-access-log then countme-totals,
/// run as processes), on generated edge-case logs, compared row by row: week, hits and the seven key fields.
/// The last tests are the places where Pinger deliberately differs, each showing what the reference does and
/// that Pinger differs by exactly the lines concerned. docs/countme-compatibility.md is written from these.
/// </summary>
[TestClass]
public sealed class ImportLogDifferentialTests
{
    private static readonly DateTimeOffset Start = EdgeCaseLogs.Start;

    [TestMethod]
    public async Task Mixed_logs_given_plain_gzip_and_xz_and_overlapping_agree_row_by_row()
    {
        using var directory = new TempDirectory();
        var logs = new EdgeCaseLogs(directory.Path);
        var lines = logs.Mixed(6000, 17);
        var first = logs.Write("access.log-1", lines[..4000]);
        var second = logs.Write("access.log-2", lines[3000..]);
        var gzip = logs.WriteBytes("access.log-1.gz", EdgeCaseLogs.Gzip(File.ReadAllBytes(first)));
        var xz = Xz(logs, "access.log-2.xz", second);

        var (reference, pinger) = await Both(directory.Path, first, second, gzip, xz);

        CollectionAssert.AreEqual(reference, pinger);
        Assert.IsGreaterThan(100, reference.Count, "the mixed logs should fill many rows");
        Assert.AreEqual(2, reference.Select(r => r.Split('|')[0]).Distinct().Count(), "two complete weeks, the third still open");
    }

    [TestMethod]
    public async Task Every_User_Agent_counts_with_the_os_fields_of_the_libdnf_form_or_none()
    {
        using var directory = new TempDirectory();
        var logs = new EdgeCaseLogs(directory.Path);
        var lines = EdgeCaseLogs.Agents.Select((agent, i) => EdgeCaseLogs.Line(logs.Address(), Start.AddHours(i), EdgeCaseLogs.Query("1"), agent)).Append(Closing(logs));

        var (reference, pinger) = await Both(directory.Path, logs.Write("agents.log", lines));

        CollectionAssert.AreEqual(reference, pinger);
        StringAssert.Contains(string.Join("\n", pinger), "|||||1|fedora-33|x86_64", "agents outside the form count with empty OS fields");
    }

    [TestMethod]
    public async Task Repeated_hits_count_once_as_in_the_reference()
    {
        using var directory = new TempDirectory();
        var logs = new EdgeCaseLogs(directory.Path);
        var at = Start.AddDays(2);
        var nat = logs.Address();
        var lines = new List<string>();
        lines.AddRange(Enumerable.Repeat(EdgeCaseLogs.Line(nat, at, EdgeCaseLogs.Query("1")), 20)); // twenty containers behind one address
        var client = logs.Address();
        lines.Add(EdgeCaseLogs.Line(client, at, EdgeCaseLogs.Query("2"), method: "GET"));
        lines.Add(EdgeCaseLogs.Line(client, at, EdgeCaseLogs.Query("2"), method: "HEAD", status: "302"));
        lines.Add(EdgeCaseLogs.Line(client, at.AddSeconds(1), EdgeCaseLogs.Query("2")));
        lines.Add(EdgeCaseLogs.Line(client, at, EdgeCaseLogs.Query("2"), offset: "+0200")); // the same second, written in another zone
        lines.Add(EdgeCaseLogs.Line(client, at, EdgeCaseLogs.Query("3")));
        lines.Add(Closing(logs));
        var log = logs.Write("repeats.log", lines);
        var rotated = logs.Write("repeats.log.1", lines[..22]);

        var (reference, pinger) = await Both(directory.Path, log, rotated);

        CollectionAssert.AreEqual(reference, pinger);
        CollectionAssert.Contains(pinger, "2021-03-01|1|Fedora|33|workstation|x86_64|1|fedora-33|x86_64");
        CollectionAssert.Contains(pinger, "2021-03-01|2|Fedora|33|workstation|x86_64|2|fedora-33|x86_64");
    }

    [TestMethod]
    public async Task Ages_are_read_as_Python_int_and_negative_ones_left_out()
    {
        using var directory = new TempDirectory();
        var logs = new EdgeCaseLogs(directory.Path);
        var lines = EdgeCaseLogs.Ages.Select((age, i) => EdgeCaseLogs.Line(logs.Address(), Start.AddMinutes(i), EdgeCaseLogs.Query(age))).Append(Closing(logs));

        var (reference, pinger) = await Both(directory.Path, logs.Write("ages.log", lines));

        CollectionAssert.AreEqual(reference, pinger);
        var ages = pinger.Select(r => r.Split('|')[6]).ToHashSet();
        Assert.IsTrue(ages.SetEquals(["0", "1", "2", "3", "4", "5", "10", "123456789012"]), string.Join(",", ages));
    }

    [TestMethod]
    [DataRow("2021-03-03T18:00:00Z", 0, DisplayName = "a log that ends on a Wednesday leaves its week open")]
    [DataRow("2021-03-08T00:09:59Z", 0, DisplayName = "a last line at Monday 00:09:59 leaves the week before open")]
    [DataRow("2021-03-08T00:10:00Z", 1, DisplayName = "a last line at Monday 00:10:00 closes it")]
    public async Task Weeks_are_published_from_the_data_up_to_the_last_complete_one(string lastLine, int weeks)
    {
        using var directory = new TempDirectory();
        var logs = new EdgeCaseLogs(directory.Path);
        var last = DateTimeOffset.Parse(lastLine, CultureInfo.InvariantCulture);
        var lines = new[]
        {
            EdgeCaseLogs.Line(logs.Address(), new DateTimeOffset(1970, 1, 6, 0, 0, 0, TimeSpan.Zero), EdgeCaseLogs.Query("1")),
            EdgeCaseLogs.Line(logs.Address(), new DateTimeOffset(2019, 6, 1, 0, 0, 0, TimeSpan.Zero), EdgeCaseLogs.Query("1")),
            EdgeCaseLogs.Line(logs.Address(), new DateTimeOffset(2020, 2, 10, 0, 0, 0, TimeSpan.Zero), EdgeCaseLogs.Query("1")),
            EdgeCaseLogs.Line(logs.Address(), Start.AddHours(5), EdgeCaseLogs.Query("2")),
            EdgeCaseLogs.Line(logs.Address(), last, EdgeCaseLogs.Query("3")),
        };

        var (reference, pinger) = await Both(directory.Path, logs.Write("weeks.log", lines));

        CollectionAssert.AreEqual(reference, pinger);
        Assert.AreEqual(1 + weeks, pinger.Count, "week 2614 (never before it), and the week of March 1st once complete");
    }

    [TestMethod]
    public async Task Lines_end_at_LF_CR_LF_or_a_lone_CR()
    {
        using var directory = new TempDirectory();
        var logs = new EdgeCaseLogs(directory.Path);
        var lines = Enumerable.Range(0, 30).Select(i => EdgeCaseLogs.Line(logs.Address(), Start.AddHours(i), EdgeCaseLogs.Query("1"))).Append(Closing(logs)).ToList();
        var split = EdgeCaseLogs.Line(logs.Address(), Start.AddHours(40), EdgeCaseLogs.Query("4"), agent: "libdnf (Fedora\rLinux 33; workstation; Linux.x86_64)");

        var (reference, pinger) = await Both(directory.Path,
            logs.Write("cr.log", lines[..10], "\r"), logs.Write("crlf.log", lines[10..20], "\r\n"), logs.Write("lf.log", [.. lines[20..], split]));

        CollectionAssert.AreEqual(reference, pinger);
        Assert.AreEqual(30, pinger.Sum(r => int.Parse(r.Split('|')[1], CultureInfo.InvariantCulture)), "30 hits; the line split at its CR is no hit at all");
    }

    // Deliberate differences.

    [TestMethod]
    public async Task A_malformed_time_the_reference_reads_is_refused_and_only_those_lines_differ()
    {
        using var directory = new TempDirectory();
        var logs = new EdgeCaseLogs(directory.Path);
        var good = Enumerable.Range(0, 10).Select(i => EdgeCaseLogs.Line(logs.Address(), Start.AddHours(i), EdgeCaseLogs.Query("1"))).Append(Closing(logs)).ToList();
        var at = Start.AddDays(1).ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture);
        string[] broken =
        [
            $"{logs.Address()} - - [{at} +0099] \"GET /metalink?{EdgeCaseLogs.Query("2")} HTTP/1.1\" 200 1 \"-\" \"libdnf (Fedora 33; workstation; Linux.x86_64)\"",
            $"{logs.Address()} - - [{at} 0200] \"GET /metalink?{EdgeCaseLogs.Query("2")} HTTP/1.1\" 200 1 \"-\" \"libdnf (Fedora 33; workstation; Linux.x86_64)\"",
            // A request smuggled into the User-Agent of a request that is not counted: the reference reads the rest
            // of the line after the offset as part of the time.
            $"{logs.Address()} - - [{at} +0000] \"GET /index.html HTTP/1.1\" 200 1 \"-\" \"x] \"GET /metalink?{EdgeCaseLogs.Query("3")} HTTP/1.1\" 200 1 \"-\" \"libdnf (Fedora 33; workstation; Linux.x86_64)\"",
        ];

        var (reference, pinger) = await Both(directory.Path, logs.Write("times.log", [.. good, .. broken]));
        var (withoutBroken, _) = await Both(Directory.CreateDirectory(Path.Combine(directory.Path, "good")).FullName, logs.Write("good.log", good));

        CollectionAssert.AreNotEqual(reference, pinger, "the reference counts the three broken lines");
        CollectionAssert.AreEqual(withoutBroken, pinger, "Pinger counts exactly what the reference counts without them");
    }

    [TestMethod]
    public async Task Files_the_reference_crashes_on_are_read_or_refused_by_Pinger_without_losing_the_others()
    {
        var reference = MirrorsCountme.Locate();
        using var directory = new TempDirectory();
        var logs = new EdgeCaseLogs(directory.Path);
        var lines = Enumerable.Range(0, 10).Select(i => EdgeCaseLogs.Line(logs.Address(), Start.AddHours(i), EdgeCaseLogs.Query("1"))).Append(Closing(logs)).ToList();
        var plainNamedGz = logs.Write("plain.log.gz", lines);
        var huge = logs.Write("huge.log", [.. lines, EdgeCaseLogs.Line(logs.Address(), Start.AddHours(20), EdgeCaseLogs.Query("99999999999999999999"))]);
        var gzip = EdgeCaseLogs.Gzip(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 3000).Select(i => EdgeCaseLogs.Line(logs.Address(), Start.AddSeconds(i), EdgeCaseLogs.Query("1")) + "\n"))));
        var truncated = logs.WriteBytes("cut.log.gz", gzip[..(gzip.Length / 2)]);

        foreach (var crash in new[] { plainNamedGz, huge, truncated })
        {
            var run = reference.Parse(Path.Combine(directory.Path, Path.GetFileName(crash) + ".db"), crash);
            Assert.AreNotEqual(0, run.ExitCode, "the reference crashes on " + crash);
        }

        var (expected, _) = await Both(Directory.CreateDirectory(Path.Combine(directory.Path, "plain")).FullName, logs.Write("plain.log", lines));
        Assert.IsNotEmpty(expected);
        CollectionAssert.AreEqual(expected, await Pinger(Path.Combine(directory.Path, "state-gz"), plainNamedGz), "a plain log named .gz is read as plain text");
        var withHuge = await Pinger(Path.Combine(directory.Path, "state-huge"), huge);
        CollectionAssert.IsSubsetOf(expected, withHuge);
        CollectionAssert.Contains(withHuge, "2021-03-01|1|Fedora|33|workstation|x86_64|99999999999999999999|fedora-33|x86_64");

        var state = Path.Combine(directory.Path, "state-cut");
        var cut = await CommandRun.RunAsync("import-log", "--state-dir", state, "--config-dir", Config(directory.Path), truncated);
        Assert.AreEqual(ServerExitCodes.Failure, cut.ExitCode);
        StringAssert.Contains(cut.Error, "the gzip data is corrupt or truncated");
        Assert.IsEmpty(Read(state));
    }

    private static string Closing(EdgeCaseLogs logs) => EdgeCaseLogs.Line(logs.Address(), Start.AddDays(7).AddMinutes(10), EdgeCaseLogs.Query("1"));

    /// <summary>The rows of both, each as "week_start|hits|os_name|os_version|os_variant|os_arch|sys_age|repo_tag|repo_arch", sorted.</summary>
    private static async Task<(List<string> Reference, List<string> Pinger)> Both(string folder, params string[] logs)
    {
        var reference = MirrorsCountme.Locate();
        var rawDb = Path.Combine(folder, "reference-raw.db");
        var parse = reference.Parse(rawDb, logs);
        Assert.AreEqual(0, parse.ExitCode, "countme-parse-access-log failed: " + parse.Error);
        var expected = reference.Totals(rawDb).Select(r => string.Join('|', new[] { r[0], r[2] }.Concat(r[3..]))).Order(StringComparer.Ordinal).ToList();
        return (expected, await Pinger(Path.Combine(folder, "state"), logs));
    }

    private static async Task<List<string>> Pinger(string state, params string[] logs)
    {
        var run = await CommandRun.RunAsync(["import-log", "--state-dir", state, "--config-dir", Config(Path.GetDirectoryName(state)!), .. logs]);
        Assert.AreEqual(ServerExitCodes.Ok, run.ExitCode, run.Error);
        return Read(state).Select(t => string.Join('|', t.Key.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t.Hits.ToString(CultureInfo.InvariantCulture),
            t.Key.OsName, t.Key.OsVersion, t.Key.OsVariant, t.Key.OsArch, t.Key.SysAge, t.Key.RepoTag, t.Key.RepoArch)).Order(StringComparer.Ordinal).ToList();
    }

    private static string Config(string folder) => Directory.CreateDirectory(Path.Combine(folder, "config.d")).FullName;

    private static IReadOnlyList<CountmeTotal> Read(string state)
    {
        if (!Directory.Exists(state))
        {
            return [];
        }

        using var store = SqliteCounterStore.InDirectory(state);
        store.Open();
        return store.ReadCountme(DateOnly.MinValue, DateOnly.MaxValue);
    }

    // xz is written by python3's lzma module, which the reference needs anyway.
    private static string Xz(EdgeCaseLogs logs, string name, string source)
    {
        var target = logs.WriteBytes(name, []);
        var start = new ProcessStartInfo("python3") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", "import lzma,sys; open(sys.argv[2],'wb').write(lzma.compress(open(sys.argv[1],'rb').read()))", source, target })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, error);
        return target;
    }
}
