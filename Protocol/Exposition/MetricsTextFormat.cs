namespace Pinger.Protocol.Exposition;

/// <summary>Which of the two Prometheus text formats to write.</summary>
public enum MetricsTextFormat
{
    /// <summary>
    /// The Prometheus text format 0.0.4, which node_exporter's textfile collector and <c>promtool check metrics</c> read.
    /// </summary>
    Prometheus,

    /// <summary>OpenMetrics 1.0: the same families with their <c># UNIT</c> lines, ended by <c># EOF</c>.</summary>
    OpenMetrics,
}
