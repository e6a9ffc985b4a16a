using System.Diagnostics;
using System.Globalization;
using System.Text;
using Pinger.Server.Cli;
using Pinger.Server.Storage;

namespace CountmeImportBench;

/// <summary>
/// `countme-import-bench reference MB [MIRRORS_COUNTME_DIR]`: one synthetic log of that size, through Fedora's
/// mirrors-countme (countme-parse-access-log, then countme-totals, as Fedora runs them) and through
/// `pinger-server import-log` into a fresh SQLite state, each in processes of its own; prints wall time and
/// peak resident memory of both, the ratio, and whether every published week agrees row for row.
/// </summary>
internal static class ReferenceComparison
{
    public static int Run(int megabytes, string? referenceDirectory)
    {
        var reference = referenceDirectory ?? Path.Combine(RepositoryRoot(), "..", "shared", "tools", "mirrors-countme");
        if (!File.Exists(Path.Combine(reference, "bin", "countme-parse-access-log")))
        {
            Console.Error.WriteLine($"countme-import-bench: mirrors-countme not found in {reference}; give its folder as the last argument");
            return 2;
        }

        var directory = Directory.CreateTempSubdirectory("countme-reference-bench-");
        try
        {
            var log = Path.Combine(directory.FullName, "access.log");
            SyntheticAccessLog.Write(log, megabytes, gzip: false);
            var size = new FileInfo(log).Length / 1e6;
            Console.WriteLine($"log: {size:F1} MB, {File.ReadLines(log).LongCount():N0} lines; {Environment.ProcessorCount} cores, single-threaded both");

            var rawDb = Path.Combine(directory.FullName, "raw.db");
            var csv = Path.Combine(directory.FullName, "totals.csv");
            var parse = Measure("python3", Path.Combine(reference, "bin", "countme-parse-access-log"), "--sqlite", rawDb, log);
            var totals = Measure("python3", Path.Combine(reference, "bin", "countme-totals"), "--update-from", rawDb, Path.Combine(directory.FullName, "totals.db"), "--csv-dump", csv);
            var referenceSeconds = parse.Seconds + totals.Seconds;
            var referencePeak = Math.Max(parse.PeakBytes, totals.PeakBytes);
            Console.WriteLine($"mirrors-countme  parse {parse.Seconds,6:F2} s + totals {totals.Seconds,5:F2} s = {referenceSeconds,6:F2} s  peak RSS {referencePeak / 1e6,6:F0} MB");

            var state = Path.Combine(directory.FullName, "state");
            var config = Directory.CreateDirectory(Path.Combine(directory.FullName, "config.d")).FullName;
            var pinger = Measure(Environment.ProcessPath!, "import-log", "--state-dir", state, "--config-dir", config, log);
            Console.WriteLine($"import-log       {pinger.Seconds,6:F2} s                              peak RSS {pinger.PeakBytes / 1e6,6:F0} MB");
            Console.WriteLine($"import-log is {referenceSeconds / pinger.Seconds:F1}x faster; peak RSS {pinger.PeakBytes / 1e6:F0} MB against {referencePeak / 1e6:F0} MB");

            var expected = ReferenceRows(csv);
            var actual = PingerRows(state);
            var weeks = expected.Select(r => r.Split('|')[0]).Distinct().Order().ToList();
            var agree = expected.SequenceEqual(actual);
            Console.WriteLine($"published weeks {string.Join(' ', weeks)}; rows {expected.Count} (reference) {actual.Count} (import-log), hits {Hits(expected):N0} / {Hits(actual):N0}: "
                + (agree ? "every row agrees" : "ROWS DIFFER"));
            foreach (var row in expected.Except(actual).Take(5))
            {
                Console.WriteLine("  only in mirrors-countme: " + row);
            }

            foreach (var row in actual.Except(expected).Take(5))
            {
                Console.WriteLine("  only in import-log:      " + row);
            }

            return agree ? 0 : 1;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The child process: import-log exactly as pinger-server runs it.</summary>
    public static int ImportLog(string[] args) => new ServerCommandLine(Console.Out, Console.Error).RunAsync(args).GetAwaiter().GetResult();

    private static long Hits(List<string> rows) => rows.Sum(r => long.Parse(r.Split('|')[1], CultureInfo.InvariantCulture));

    private static List<string> ReferenceRows(string csv) =>
        File.ReadLines(csv, Encoding.UTF8).Skip(1).Select(l => l.Split(',')).Where(f => f[7] != "-1")
            .Select(f => string.Join('|', new[] { f[0], f[2] }.Concat(f[3..]))).Order(StringComparer.Ordinal).ToList();

    private static List<string> PingerRows(string state)
    {
        using var store = SqliteCounterStore.InDirectory(state);
        store.Open();
        return store.ReadCountme(DateOnly.MinValue, DateOnly.MaxValue).Select(t => string.Join('|',
                t.Key.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t.Hits.ToString(CultureInfo.InvariantCulture),
                t.Key.OsName, t.Key.OsVersion, t.Key.OsVariant, t.Key.OsArch, t.Key.SysAge, t.Key.RepoTag, t.Key.RepoArch))
            .Order(StringComparer.Ordinal).ToList();
    }

    // Wall time, and the peak resident set (VmHWM) read from /proc while the process runs.
    private static (double Seconds, long PeakBytes) Measure(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
        }

        stopwatch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
        }

        GC.KeepAlive(output.Result);
        return (stopwatch.Elapsed.TotalSeconds, peak);
    }

    private static long HighWaterMark(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0; // it has just exited
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pinger.slnx")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
