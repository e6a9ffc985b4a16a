using Pinger.Plugins.Sdk;
using Pinger.Protocol.Windows;

namespace Pinger.Protocol.Reports;

/// <summary>A report as a server reads it, every part checked: what it may count, and nothing of where it came from.</summary>
/// <param name="Nonce">The report's random nonce: a retry carries the same one.</param>
/// <param name="Level">The level it was collected at.</param>
/// <param name="Age">The countme age bucket, 1 to 4.</param>
/// <param name="Windows">The windows it counts for.</param>
/// <param name="Values">Its field values, in the order the report lists them.</param>
public sealed record ReceivedReport(string Nonce, MetricsLevel Level, int Age, IReadOnlyList<CountingWindow> Windows, IReadOnlyList<ReceivedValue> Values)
{
    /// <summary>Ids of the probes the report carried that the field registry does not know: left out, never stored.</summary>
    public IReadOnlyList<string> IgnoredProbes { get; init; } = [];
}
