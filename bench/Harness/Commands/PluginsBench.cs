using Pinger.Bench.Harness.Measuring;
using Pinger.Bench.Harness.Parsing;
using Pinger.Bench.Harness.Processes;

namespace Pinger.Bench.Harness.Commands;

/// <summary>
/// plugins --trivial DIR [--runs 30]: the median wall time of <c>pinger --dry-run</c> with the default probes against
/// the same with 20 copies of the trivial third-party plugin published in DIR; target: at most 30 ms more.
/// </summary>
internal static class PluginsBench
{
    private const int ExtraPlugins = 20;
    private const double MaxCostMs = 30.0;

    public static int Run(CommandOptions options, RepositoryLayout layout)
    {
        var runs = options.Integer("runs", 30);
        var trivial = options.Required("trivial");
        var work = layout.InArtifacts("bench", "plugins");
        var extra = RepositoryLayout.Fresh(Path.Combine(work, "extra-probes"));

        // One build of the trivial plugin, installed 20 times: its id is its directory's name.
        for (var i = 1; i <= ExtraPlugins; i++)
        {
            var into = Directory.CreateDirectory(Path.Combine(extra, $"bench-{i:00}")).FullName;
            foreach (var file in Directory.GetFiles(trivial).Where(f => !f.EndsWith(".pdb", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(into, Path.GetFileName(file)), overwrite: true);
            }
        }

        var config = Directory.CreateDirectory(Path.Combine(work, "config")).FullName;
        File.WriteAllText(Path.Combine(config, "50-bench.toml"), "[reporting]\nlevel = \"minimal\"\n");
        var pinger = layout.RequirePublished(layout.Pinger);
        var common = new List<string> { "--dry-run", "--config-dir", config, "--state-dir", Path.Combine(work, "state"), "--probe-dir", layout.Probes };
        var baseline = new TimedCommand("default probes", pinger, common);
        var loaded = new TimedCommand($"default + {ExtraPlugins} plugins", pinger, [.. common, "--probe-dir", extra]);

        // The extra plugins must really be loaded and reported, or the figure means nothing.
        var check = loaded.RunOnce();
        if (check.ExitCode != 0 || !check.Stdout.Contains("\"bench-20\"", StringComparison.Ordinal))
        {
            throw new HarnessException($"pinger did not report the extra plugins (exit {check.ExitCode}):\n{check.Stderr}");
        }

        for (var i = 0; i < 3 + runs; i++)
        {
            foreach (var command in i % 2 == 0 ? new[] { baseline, loaded } : [loaded, baseline])
            {
                command.Run(record: i >= 3);
            }
        }

        var cost = loaded.Median - baseline.Median;
        Console.WriteLine();
        Console.WriteLine($"BenchPlugins: {runs} interleaved runs each after 3 warm-up runs; load average {Machine.LoadAverage} on {Machine.Cores} cores");
        foreach (var command in new[] { baseline, loaded })
        {
            Console.WriteLine($"  {command.Name,-26} {command.Median,7:F1} ms median {command.P90,7:F1} ms p90" + (command.Failures > 0 ? $"  ({command.Failures} runs exited non-zero)" : string.Empty));
        }

        Console.WriteLine($"  difference of medians      {cost,7:F1} ms        target <= {MaxCostMs:F0} ms   {Figure.Verdict(cost <= MaxCostMs && baseline.Failures + loaded.Failures == 0)}");
        return 0;
    }
}
