using System.Globalization;
using Pinger.Plugins.Sdk;

namespace Pinger.Probes.Hardware;

/// <summary>Reads <c>MemTotal</c> from <c>/proc/meminfo</c>.</summary>
internal static class MemoryTotal
{
    /// <summary>MemTotal in MiB, or null when the file or the line cannot be read.</summary>
    public static long? ReadMebibytes(IMachineFiles files)
    {
        var line = files.ReadText("/proc/meminfo")?.Split('\n').FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var parts = line?["MemTotal:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not [var number, "kB"] || !long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var kibibytes))
        {
            return null;
        }

        return kibibytes / 1024;
    }
}
