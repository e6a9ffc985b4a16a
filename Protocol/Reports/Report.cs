using Pinger.Plugins.Sdk;
using Pinger.Protocol.Windows;

namespace Pinger.Protocol.Reports;

/// <summary>
/// One report: the schema it follows, the level it was collected at, each probe's accepted values, and (when it
/// is to be sent) the windows it counts for, the system's age bucket and the nonce that lets the server count a
/// retried report once.
/// </summary>
/// <param name="Level">The level in force when collecting.</param>
/// <param name="Probes">Values by probe id, then by field name. Probes with no value are absent.</param>
public sealed record Report(MetricsLevel Level, IReadOnlyDictionary<string, IReadOnlyDictionary<string, FieldValue>> Probes)
{
    /// <summary>The windows this report counts the machine in; empty for a report that is not sent.</summary>
    public IReadOnlyList<CountingWindow> Windows { get; init; } = [];

    /// <summary>The countme age bucket (1 to 4), when known.</summary>
    public int? Age { get; init; }

    /// <summary>A random value fresh for each set of windows, repeated only by retries of the same report.</summary>
    public string? Nonce { get; init; }
}
