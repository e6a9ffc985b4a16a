using System.Text.RegularExpressions;

namespace Pinger.Protocol.Exposition;

/// <summary>Metric and label names as Prometheus accepts them, made from probe ids and field names.</summary>
public static partial class MetricNames
{
    /// <summary>The namespace every Pinger metric starts with.</summary>
    public const string Prefix = "pinger";

    /// <summary>
    /// <paramref name="name"/> as a name part: probe ids and field names are lower-case letters, digits, '_' and '-',
    /// and '-' is not allowed in metric or label names.
    /// </summary>
    public static string Part(string name) => name.Replace('-', '_');

    /// <summary>Whether <paramref name="name"/> is a valid metric name without the colons reserved for recording rules.</summary>
    public static bool IsMetricName(string name) => MetricName().IsMatch(name);

    /// <summary>Whether <paramref name="name"/> is a valid label name and not one of the reserved <c>__</c> names.</summary>
    public static bool IsLabelName(string name) => LabelName().IsMatch(name) && !name.StartsWith("__", StringComparison.Ordinal);

    [GeneratedRegex(@"\A[a-zA-Z_][a-zA-Z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex MetricName();

    [GeneratedRegex(@"\A[a-zA-Z_][a-zA-Z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex LabelName();
}
