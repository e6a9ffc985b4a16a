using Pinger.Plugins.Sdk;
using Pinger.Protocol.Exposition;
using Pinger.Protocol.Reports;

namespace Pinger.Core.Reporting;

/// <summary>
/// A report as Prometheus metric families, for <c>pinger --dry-run --format=openmetrics</c> and the textfile that
/// node_exporter reads: the same values the report carries, named after the probe and the field. A probe's text
/// fields are the labels of one <c>pinger_&lt;probe&gt;_info</c>; a list is one <c>…_info</c> sample per item; an
/// integer or a yes/no is a gauge of its own, with its unit when its name ends in one. The windows and the nonce
/// are not facts about the machine and are left out.
/// </summary>
public static class ReportMetrics
{
    /// <summary>The base units a field name may end with; the family then carries that unit.</summary>
    private static readonly string[] Units = ["bytes", "seconds"];

    /// <summary>The families of <paramref name="report"/>, described by the declarations in <paramref name="descriptors"/>.</summary>
    public static IReadOnlyList<MetricFamily> Families(Report report, IEnumerable<ProbeDescriptor> descriptors)
    {
        var families = new List<MetricFamily>
        {
            new(Name("report", "info"), "The level the report was collected at.", null, [Sample([new("level", LevelNames.Of(report.Level))], 1)]),
        };
        if (report.Age is { } age)
        {
            families.Add(new(Name("sys_age"), "The system's countme age bucket: 1 when installed under 2 weeks ago, 2 under 5, 3 under 25, 4 longer.", null, [MetricSample.Of(age)]));
        }

        var byId = descriptors.ToDictionary(d => d.Id, StringComparer.Ordinal);
        foreach (var (probeId, values) in report.Probes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (byId.TryGetValue(probeId, out var descriptor))
            {
                families.AddRange(ProbeFamilies(descriptor, values));
            }
        }

        // A third-party probe whose names collide with another family's after '-' became '_' keeps only the first.
        return families.DistinctBy(f => f.Name, StringComparer.Ordinal).ToArray();
    }

    private static IEnumerable<MetricFamily> ProbeFamilies(ProbeDescriptor descriptor, IReadOnlyDictionary<string, FieldValue> values)
    {
        var probe = MetricNames.Part(descriptor.Id);
        var reported = descriptor.Fields.Where(f => values.ContainsKey(f.Name)).ToArray();
        var labels = reported.Where(f => f.Type == FieldType.Text)
            .Select(f => new KeyValuePair<string, string>(MetricNames.Part(f.Name), values[f.Name].Text!))
            .DistinctBy(l => l.Key, StringComparer.Ordinal)
            .ToArray();
        if (labels.Length > 0)
        {
            yield return new MetricFamily(Name(probe, "info"), descriptor.Description, null, [new MetricSample(labels, 1)]);
        }

        foreach (var field in reported.Where(f => f.Type != FieldType.Text))
        {
            var value = values[field.Name];
            var name = MetricNames.Part(field.Name);
            yield return field.Type switch
            {
                FieldType.TextList => new MetricFamily(
                    Name(probe, name, "info"), field.Description, null, value.Items!.Select(item => Sample([new(name, item)], 1)).ToArray()),
                FieldType.Boolean => new MetricFamily(Name(probe, name), field.Description, null, [MetricSample.Of(value.Boolean ? 1 : 0)]),
                _ => new MetricFamily(Name(probe, name), field.Description, Units.FirstOrDefault(u => name.EndsWith("_" + u, StringComparison.Ordinal)), [MetricSample.Of(value.Integer)]),
            };
        }
    }

    /// <summary>Where <paramref name="field"/> of <paramref name="descriptor"/> appears: the family, and the label for a text or list value.</summary>
    public static string Describe(ProbeDescriptor descriptor, FieldDeclaration field)
    {
        var probe = MetricNames.Part(descriptor.Id);
        var name = MetricNames.Part(field.Name);
        return field.Type switch
        {
            FieldType.Text => $"{Name(probe, "info")}{{{name}}}",
            FieldType.TextList => $"{Name(probe, name, "info")}{{{name}}}",
            _ => Name(probe, name),
        };
    }

    private static MetricSample Sample(KeyValuePair<string, string>[] labels, long value) => new(labels, value);

    private static string Name(params string[] parts) => MetricNames.Prefix + "_" + string.Join('_', parts);
}
