using System.Globalization;

namespace Pinger.Bench.Harness.Parsing;

/// <summary>What afl-fuzz's fuzzer_stats file says about one run.</summary>
internal sealed record FuzzerStats(long Executions, double ExecsPerSecond, long Corpus, long Crashes, long Hangs, string Stability, string Coverage)
{
    /// <summary>Reads the "key : value" lines; older afl++ versions name some counters unique_crashes, unique_hangs and paths_total.</summary>
    public static FuzzerStats Parse(string text)
    {
        var stats = text.Split('\n')
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last()[1].Trim(), StringComparer.Ordinal);
        long Number(string key) => stats.TryGetValue(key, out var v) && long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
        string Text(string key) => stats.TryGetValue(key, out var v) ? v : "n/a";
        var perSecond = stats.TryGetValue("execs_per_sec", out var eps)
            && double.TryParse(eps, NumberStyles.Float, CultureInfo.InvariantCulture, out var e) ? e : 0;
        return new FuzzerStats(
            Number("execs_done"),
            perSecond,
            Math.Max(Number("corpus_count"), Number("paths_total")),
            Math.Max(Number("saved_crashes"), Number("unique_crashes")),
            Math.Max(Number("saved_hangs"), Number("unique_hangs")),
            Text("stability"),
            Text("bitmap_cvg"));
    }
}
