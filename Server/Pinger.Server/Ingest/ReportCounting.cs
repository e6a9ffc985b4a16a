using System.Globalization;
using Pinger.Plugins.Sdk;
using Pinger.Protocol.Reports;
using Pinger.Server.Storage;

using Pinger.Server.Registry;

namespace Pinger.Server.Ingest;

/// <summary>What an accepted report adds to the counters: each value as text, and its countme system tuple.</summary>
public static class ReportCounting
{
    /// <summary>The counters <paramref name="report"/> adds to.</summary>
    public static CountedReport Of(ReceivedReport report, FieldRegistry registry)
    {
        var values = report.Values
            .SelectMany(v => Texts(v.Value).Select(text => new CountedValue(
                v.QualifiedName, text, registry.Find(v.ProbeId, v.Field)?.MaxDistinctPerWindow ?? FieldDeclaration.MaxDistinctLimit)))
            .ToArray();
        return new CountedReport(report.Nonce, report.Windows, values, SystemOf(values, report.Age));
    }

    private static IEnumerable<string> Texts(FieldValue value) => value.Type switch
    {
        FieldType.Text => [value.Text!],
        FieldType.Integer => [value.Integer.ToString(CultureInfo.InvariantCulture)],
        FieldType.Boolean => [value.Boolean ? "true" : "false"],
        _ => value.Items!,
    };

    private static SystemTuple SystemOf(IReadOnlyList<CountedValue> values, int age)
    {
        string Get(string field) => values.FirstOrDefault(v => v.Field == field)?.Value ?? string.Empty;
        return new SystemTuple(
            Get("os-versions.os_id"), Get("os-versions.version_id"), Get("os-versions.variant_id"), Get("os-versions.arch"),
            age.ToString(CultureInfo.InvariantCulture), Get("platform.id"));
    }
}
