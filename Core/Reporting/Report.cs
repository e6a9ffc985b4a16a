using Pinger.Plugins.Sdk;

namespace Pinger.Core.Reporting;

/// <summary>One report: the schema it follows, the level it was collected at, and each probe's accepted values.</summary>
/// <param name="Level">The level in force when collecting.</param>
/// <param name="Probes">Values by probe id, then by field name. Probes with no value are absent.</param>
public sealed record Report(MetricsLevel Level, IReadOnlyDictionary<string, IReadOnlyDictionary<string, FieldValue>> Probes)
{
    /// <summary>The report format version. Bump it when a change would make an old server misread a report.</summary>
    public const int SchemaVersion = 1;
}
