using Pinger.Bench.Harness.Measuring;
using Pinger.Bench.Harness.Parsing;
using Pinger.Bench.Harness.Processes;

namespace Pinger.Bench.Harness.Commands;

/// <summary>
/// startup --hello PATH [--runs 30] [--root DIR] [--label TEXT]: the published <c>pinger --dry-run</c> against a
/// hello world published the same way, interleaved: medians, p90, their ratio, pinger's peak RSS and the phase
/// timings pinger reports with PINGER_TIMINGS=1. Prints PASS/FAIL per target without failing.
/// </summary>
internal static class StartupBench
{
    private const int WarmUps = 3;
    private const double MaxRatio = 3.0;
    private const double MaxRssMiB = 60.0;

    public static int Run(CommandOptions options, RepositoryLayout layout)
    {
        var runs = options.Integer("runs", 30);
        var hello = options.Required("hello");
        var pingerArgs = new List<string> { "--dry-run" };
        if (options.Text("root") is { Length: > 0 } root)
        {
            pingerArgs.AddRange(["--root", Path.GetFullPath(root)]);
        }

        var pinger = new TimedCommand("pinger " + string.Join(" ", pingerArgs), layout.RequirePublished(layout.Pinger), pingerArgs);
        var helloWorld = new TimedCommand("hello world", hello, []);

        // Interleaved, alternating which goes first, so drift on a shared machine hits both alike.
        var loadBefore = Machine.LoadAverage;
        for (var i = 0; i < WarmUps + runs; i++)
        {
            foreach (var command in i % 2 == 0 ? new[] { pinger, helloWorld } : [helloWorld, pinger])
            {
                command.Run(record: i >= WarmUps);
            }
        }

        var pingerRss = PeakRssKiB(pinger);
        var helloRss = PeakRssKiB(helloWorld);
        var ratio = pinger.Median / helloWorld.Median;
        var width = Math.Max(24, pinger.Name.Length + 2);
        string Label(string text) => "  " + text.PadRight(width);

        Console.WriteLine();
        Console.WriteLine($"Bench: {runs} interleaved runs each after {WarmUps} warm-up runs ({options.Text("label", "single-file, ReadyToRun")})");
        Console.WriteLine($"  load average before and after: {loadBefore} / {Machine.LoadAverage} on {Machine.Cores} cores");
        Console.WriteLine($"{Label(string.Empty)} {"median",10} {"p90",10}");
        foreach (var command in new[] { pinger, helloWorld })
        {
            Console.WriteLine($"{Label(command.Name)} {command.Median,7:F1} ms {command.P90,7:F1} ms" + (command.Failures > 0 ? $"  ({command.Failures} runs exited non-zero)" : string.Empty));
        }

        var fast = ratio <= MaxRatio && pinger.Failures == 0;
        Console.WriteLine($"{Label("ratio of medians")} {ratio,10:F2}   target <= {MaxRatio:F1}       {Figure.Verdict(fast)}");
        FigureLog.Record(layout, new Figure("pinger --dry-run vs hello world (start-up)", $"{pinger.Median:F1} vs {helloWorld.Median:F1} ms", ratio, $"<= {MaxRatio:F1}", fast));
        if (pingerRss is null)
        {
            Console.WriteLine($"{Label("peak RSS of pinger")} {"n/a",10}   (/usr/bin/time not found: ./build.sh --target=Prerequisites)");
        }
        else
        {
            var mib = pingerRss.Value / 1024.0;
            var helloText = helloRss is null ? string.Empty : $"  (hello world: {helloRss.Value / 1024.0:F1} MiB)";
            Console.WriteLine($"{Label("peak RSS of pinger")} {mib,6:F1} MiB   target <= {MaxRssMiB:F0} MiB  {Figure.Verdict(mib <= MaxRssMiB)}{helloText}");
            FigureLog.Record(layout, new Figure("pinger --dry-run peak RSS", $"{mib:F1} MiB", helloRss is null ? null : pingerRss.Value / (double)helloRss.Value, $"<= {MaxRssMiB:F0} MiB", mib <= MaxRssMiB));
        }

        if (pinger.Failures > 0)
        {
            Console.WriteLine($"pinger exited non-zero in {pinger.Failures} runs; its last error output:");
            Console.WriteLine(pinger.LastError);
        }

        Console.WriteLine();
        Console.WriteLine("Where the time goes (PINGER_TIMINGS=1 pinger " + string.Join(" ", pingerArgs) + "):");
        var timings = pinger.RunOnce(new Dictionary<string, string> { ["PINGER_TIMINGS"] = "1" });
        var lines = timings.Stderr.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
        Console.WriteLine(lines.Count == 0 ? "  nothing was reported on stderr" : string.Join('\n', lines.Select(l => "  " + l)));
        return 0;
    }

    // Peak resident set of one run, in KiB, as GNU time reports it; the largest of three runs.
    private static long? PeakRssKiB(TimedCommand command)
    {
        const string GnuTime = "/usr/bin/time";
        if (!File.Exists(GnuTime))
        {
            return null;
        }

        long peak = 0;
        for (var i = 0; i < 3; i++)
        {
            var result = ProcessCapture.Run(GnuTime, new[] { "-f", "%M", command.Program }.Concat(command.Arguments));
            var last = result.Stderr.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0);
            if (long.TryParse(last, out var kib))
            {
                peak = Math.Max(peak, kib);
            }
        }

        return peak == 0 ? null : peak;
    }
}
