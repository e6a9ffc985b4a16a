using System.Globalization;
using System.Text;

namespace Pinger.Protocol.Exposition;

/// <summary>
/// Writes metric families in the Prometheus text format or OpenMetrics: a HELP and a TYPE line per family (and a UNIT
/// line in OpenMetrics), then its samples, label values escaped; OpenMetrics ends with <c># EOF</c>.
/// </summary>
public static class MetricsTextWriter
{
    /// <summary>The media type of <see cref="MetricsTextFormat.OpenMetrics"/>.</summary>
    public const string OpenMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /// <summary>The media type of <see cref="MetricsTextFormat.Prometheus"/>.</summary>
    public const string PrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>The families as text; a name twice, or a name or unit that is not valid, is a programming error.</summary>
    public static string Write(IEnumerable<MetricFamily> families, MetricsTextFormat format)
    {
        var text = new StringBuilder();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var family in families)
        {
            Check(family, names);
            text.Append("# HELP ").Append(family.Name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
            text.Append("# TYPE ").Append(family.Name).Append(" gauge\n");
            if (format == MetricsTextFormat.OpenMetrics && family.Unit is { } unit)
            {
                text.Append("# UNIT ").Append(family.Name).Append(' ').Append(unit).Append('\n');
            }

            foreach (var sample in family.Samples)
            {
                text.Append(family.Name);
                if (sample.Labels.Count > 0)
                {
                    text.Append('{').AppendJoin(',', sample.Labels.Select(l => l.Key + "=\"" + EscapeLabelValue(l.Value) + "\"")).Append('}');
                }

                text.Append(' ').Append(sample.Value.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        if (format == MetricsTextFormat.OpenMetrics)
        {
            text.Append("# EOF\n");
        }

        return text.ToString();
    }

    private static void Check(MetricFamily family, HashSet<string> names)
    {
        if (!MetricNames.IsMetricName(family.Name) || !names.Add(family.Name))
        {
            throw new ArgumentException($"'{family.Name}' is not a valid metric name, or is used twice", nameof(family));
        }

        if (family.Unit is { } unit && (!MetricNames.IsLabelName(unit) || !family.Name.EndsWith("_" + unit, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"metric '{family.Name}' must end with its unit '{unit}'", nameof(family));
        }

        foreach (var sample in family.Samples)
        {
            var labels = sample.Labels.Select(l => l.Key).ToArray();
            if (labels.Any(l => !MetricNames.IsLabelName(l)) || labels.Distinct(StringComparer.Ordinal).Count() != labels.Length)
            {
                throw new ArgumentException($"metric '{family.Name}' has an invalid or repeated label name: {string.Join(", ", labels)}", nameof(family));
            }
        }
    }

    // Both formats escape a label value's backslash, double quote and line feed the same way.
    private static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    // OpenMetrics wants a double quote in HELP escaped, and the text format refuses that escape: a quote becomes an
    // apostrophe, so that one HELP line reads the same in both.
    private static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace('"', '\'');
}
