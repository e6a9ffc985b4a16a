namespace Pinger.Protocol.Exposition;

/// <summary>One sample of a metric family: its labels, in the order written, and its value.</summary>
/// <param name="Labels">Label names (valid Prometheus label names) and their values, which may be any text.</param>
/// <param name="Value">The sample's value: every figure Pinger exposes is a whole number.</param>
public sealed record MetricSample(IReadOnlyList<KeyValuePair<string, string>> Labels, long Value)
{
    /// <summary>A sample without labels.</summary>
    public static MetricSample Of(long value) => new([], value);
}
