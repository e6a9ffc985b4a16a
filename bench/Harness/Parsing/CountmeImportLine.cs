using System.Text.RegularExpressions;

namespace Pinger.Bench.Harness.Parsing;

/// <summary>
/// One file's line of bench/CountmeImport's output ("name  NN MB stored  wall .. s NN MB/s  cpu .. s NN MB/s of log
/// text ... peak working set NN MB"): the file, its import rate per core and its peak working set.
/// </summary>
internal static partial class CountmeImportLine
{
    public static (string File, string MegabytesPerSecond, string PeakMegabytes)? Parse(string line)
    {
        var rate = Rate().Match(line);
        var peak = Peak().Match(line);
        if (!rate.Success || !peak.Success)
        {
            return null;
        }

        return (line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], rate.Groups[1].Value, peak.Groups[1].Value);
    }

    [GeneratedRegex(@"([0-9.]+) MB/s of log text")]
    private static partial Regex Rate();

    [GeneratedRegex(@"peak working set ([0-9]+) MB")]
    private static partial Regex Peak();
}
