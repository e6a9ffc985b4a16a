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
            .SelectMany(v => Texts(v.Value).Select(text => new CountedValue(v.QualifiedName, text, CapOf(registry.Find(v.ProbeId, v.Field)))))
            .ToArray();
        return new CountedReport(report.Nonce, report.Windows, values, SystemOf(values, report.Age));
    }

    // A field that lists every value it may take (an allow-list, an integer value set, a boolean) can never outgrow a cap
    // at least that large, so only pattern fields cost the commit a look at what is stored.
    private static int CapOf(FieldDeclaration? declaration) => declaration switch
    {
        null => FieldDeclaration.MaxDistinctLimit,
        { Pattern: null } when (declaration.AllowedValues?.Count ?? declaration.Values?.Count ?? 2) <= declaration.MaxDistinctPerWindow => CountedValue.ClosedSet,
        _ => declaration.MaxDistinctPerWindow,
    };

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
            Get("os-versions.id"), Get("os-versions.version_id"), Get("os-versions.variant_id"), Get("os-versions.machine"),
            age.ToString(CultureInfo.InvariantCulture), Get("platform.id"));
    }
}
