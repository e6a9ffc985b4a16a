using System.Globalization;

namespace Pinger.Bench.Harness.Processes;

/// <summary>What the figures were measured on, so a reader can tell a slow machine from a slow program.</summary>
internal static class Machine
{
    /// <summary>The 1-minute load average.</summary>
    public static string LoadAverage =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    public static int Cores => Environment.ProcessorCount;

    /// <summary>"2 cores, CPU model, N GiB", read from /proc.</summary>
    public static string Description
    {
        get
        {
            var model = File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
                : null;
            var memory = File.Exists("/proc/meminfo")
                ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
                : null;
            var gib = long.TryParse(memory, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kib) ? $", {kib / 1024 / 1024} GiB" : string.Empty;
            return $"{Cores} cores, {model ?? "unknown CPU"}{gib}";
        }
    }
}
