namespace Pinger.Protocol.Exposition;

/// <summary>
/// One gauge family. Info metrics are gauges named <c>…_info</c> whose one sample per label set has the value 1, as
/// node_exporter exposes <c>node_os_info</c>: the Prometheus text format that promtool and the textfile collector
/// read has no info type, and OpenMetrics accepts such a gauge.
/// </summary>
/// <param name="Name">The family's name, a valid metric name; with a <paramref name="Unit"/>, it ends with <c>_</c> and the unit.</param>
/// <param name="Help">What the family counts, one line.</param>
/// <param name="Unit">The base unit (<c>bytes</c>, <c>seconds</c>), or null when the value is a plain number.</param>
/// <param name="Samples">The samples; a family may have none.</param>
public sealed record MetricFamily(string Name, string Help, string? Unit, IReadOnlyList<MetricSample> Samples);
