using Pinger.Plugins.Sdk;

namespace Pinger.Probes.Hardware;

/// <summary>
/// The few lines of <c>/proc/cpuinfo</c> the probe looks at. The raw strings stay inside the probe: only
/// <see cref="CpuClassification"/>'s tokens are ever reported.
/// </summary>
/// <param name="VendorId">x86 and s390x <c>vendor_id</c>, e.g. GenuineIntel.</param>
/// <param name="ModelName">x86 <c>model name</c>.</param>
/// <param name="Implementer">Arm <c>CPU implementer</c>, e.g. 0x41.</param>
/// <param name="Part">Arm <c>CPU part</c>, e.g. 0xd0c.</param>
/// <param name="PowerModel">ppc64le <c>cpu</c>, e.g. POWER9 (architected).</param>
/// <param name="LogicalCpus">How many processor entries the file lists.</param>
internal sealed record CpuInfo(
    string? VendorId,
    string? ModelName,
    string? Implementer,
    string? Part,
    string? PowerModel,
    int LogicalCpus)
{
    /// <summary>The parsed file, or null when it cannot be read.</summary>
    public static CpuInfo? Read(IMachineFiles files) => files.ReadText("/proc/cpuinfo") is { } text ? Parse(text) : null;

    /// <summary>Parses the text of <c>/proc/cpuinfo</c>; the first occurrence of each key wins.</summary>
    public static CpuInfo Parse(string text)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        var processors = 0;
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim();

            // x86 and Arm say "processor : 0"; s390x says "processor 0: version = ...".
            if (key == "processor" || key.StartsWith("processor ", StringComparison.Ordinal))
            {
                processors++;
                continue;
            }

            first.TryAdd(key, line[(colon + 1)..].Trim());
        }

        return new CpuInfo(
            first.GetValueOrDefault("vendor_id"),
            first.GetValueOrDefault("model name"),
            first.GetValueOrDefault("CPU implementer"),
            first.GetValueOrDefault("CPU part"),
            first.GetValueOrDefault("cpu"),
            processors);
    }
}
