using System.Text;
using Pinger.Core.Reporting;
using Pinger.Plugins.Sdk;
using Pinger.Protocol.Reports;

namespace Pinger.Core.Documentation;

/// <summary>
/// Writes docs/metrics.md from the probes' own declarations, so the documentation of what is collected can
/// never say something the code does not do. A test compares the committed file with this output.
/// </summary>
public static class MetricsDocument
{
    /// <summary>The Markdown document for <paramref name="descriptors"/>.</summary>
    public static string Write(IEnumerable<ProbeDescriptor> descriptors)
    {
        var text = new StringBuilder();
        text.AppendLine("# What Pinger collects");
        text.AppendLine();
        text.AppendLine("<!-- Generated from the probe declarations by `pinger probes --markdown` (build target Docs). Do not edit by hand. -->");
        text.AppendLine();
        text.AppendLine("Every value below is declared by the probe that emits it. A probe that emits anything else (a value that");
        text.AppendLine("is not declared, needs a higher level than the configured one, or falls outside its declared set or");
        text.AppendLine("pattern) is left out of the report entirely.");
        text.AppendLine("No value identifies a machine: there is no identifier, host name, address, serial number or free text.");
        text.AppendLine("What bounds each value is in its row: \"Allowed values\" is a fixed list, a whole number, or, for the few");
        text.AppendLine("text fields whose values the distribution or the cloud names, a pattern; \"Coarsening\" says where those come");
        text.AppendLine("from. A name the machine's owner chooses (a package from the owner's own repository, a connection, a flavour)");
        text.AppendLine("is counted or replaced by a fixed word, never sent.");
        text.AppendLine("See [configuration.md](configuration.md) to change the level or switch a probe off.");
        text.AppendLine();
        text.AppendLine("- `minimal`: the fields marked minimal; enough to count the installed base.");
        text.AppendLine("- `full`: every field below.");
        text.AppendLine("- `off`: nothing is collected or sent, and no probe is even loaded.");
        foreach (var descriptor in descriptors.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            WriteProbe(text, descriptor);
        }

        WriteExposition(text);
        WriteNodeExporter(text, descriptors);
        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static void WriteProbe(StringBuilder text, ProbeDescriptor descriptor)
    {
        text.AppendLine();
        text.AppendLine($"## `{descriptor.Id}`");
        text.AppendLine();
        text.AppendLine(descriptor.Description);
        text.AppendLine();
        text.AppendLine($"Runs at level `{LevelNames.Of(descriptor.MinimumLevel)}` and above; "
            + (descriptor.EnabledByDefault ? "on by default" : "off unless enabled")
            + $"; time budget {descriptor.TimeBudget.TotalMilliseconds:0} ms. "
            + $"Disable with `[probes.{descriptor.Id}]` `enabled = false`.");
        text.AppendLine();
        text.AppendLine("| Field | Level | Type | Allowed values | Coarsening | Why it is collected |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var field in descriptor.Fields)
        {
            text.AppendLine($"| `{field.Name}` | {LevelNames.Of(field.Level)} | {TypeName(field.Type)} | {Allowed(field)} | {Cell(field.Coarsening)} | {Cell(field.Description)} |");
        }

        if (descriptor.Settings.Count > 0)
        {
            text.AppendLine();
            text.AppendLine($"Settings under `[probes.{descriptor.Id}]`:");
            text.AppendLine();
            text.AppendLine("| Setting | Type | Default | Meaning |");
            text.AppendLine("|---|---|---|---|");
            foreach (var setting in descriptor.Settings)
            {
                text.AppendLine($"| `{setting.Name}` | {TypeName(setting.Type)} | `{setting.DefaultValue}` | {Cell(setting.Description)} |");
            }
        }
    }

    // How the report reads as Prometheus metrics (pinger --dry-run --format=openmetrics, pinger export).
    private static void WriteExposition(StringBuilder text)
    {
        text.AppendLine();
        text.AppendLine("## The report as Prometheus metrics");
        text.AppendLine();
        text.AppendLine("`pinger --dry-run --format=openmetrics` prints the report's values as OpenMetrics text, and");
        text.AppendLine("`pinger export --textfile-dir DIR` writes them in the Prometheus text format as `DIR/pinger.prom` for");
        text.AppendLine("node_exporter's textfile collector (see [configuration.md](configuration.md#prometheus-the-facts-as-node_exporter-metrics)).");
        text.AppendLine("Both hold the values the report would carry, at the same level and with the same probe settings, and");
        text.AppendLine("nothing else: no nonce, no window. Every family is a gauge with a HELP line (the field's or probe's description):");
        text.AppendLine();
        text.AppendLine("- `pinger_report_info{level}` is 1, labelled with the level; `pinger_sys_age` is the countme age bucket (1 to 4).");
        text.AppendLine("- A probe's text fields are the labels of one `pinger_<probe>_info` sample of value 1, as node_exporter's");
        text.AppendLine("  `node_os_info` (info metrics are gauges named `_info`, since the text format has no info type).");
        text.AppendLine("- A list field is `pinger_<probe>_<field>_info{<field>=\"item\"} 1`, one sample per item.");
        text.AppendLine("- An integer field is `pinger_<probe>_<field>`, a yes/no field the same with 1 or 0. A name ending in a base");
        text.AppendLine("  unit (`_bytes`, `_seconds`) carries it as the family's unit (`# UNIT` in OpenMetrics).");
        text.AppendLine();
        text.AppendLine("A `-` in a probe id or field name becomes `_`.");
    }

    // Field by field, what node_exporter calls the same fact, so its users can join the two; and why they still differ.
    private static void WriteNodeExporter(StringBuilder text, IEnumerable<ProbeDescriptor> descriptors)
    {
        text.AppendLine();
        text.AppendLine("## Prometheus and node_exporter");
        text.AppendLine();
        text.AppendLine("Where node_exporter (`node_os_info`, `node_uname_info`, `node_dmi_info`, `node_memory_*`, …) already names a fact");
        text.AppendLine("Pinger reports, the field has node_exporter's label name, and sizes are in OpenMetrics' base unit, bytes.");
        text.AppendLine("What differs is said in the last column: Pinger's value is coarser, or node_exporter has no such fact.");
        text.AppendLine();
        text.AppendLine("| Pinger field | Pinger metric | node_exporter metric and label | Why a difference remains |");
        text.AppendLine("|---|---|---|---|");
        foreach (var descriptor in descriptors.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            foreach (var field in descriptor.Fields)
            {
                var (nodeExporter, difference) = NodeExporterEquivalents.For(descriptor.Id, field.Name);
                text.AppendLine($"| `{descriptor.Id}.{field.Name}` | `{ReportMetrics.Describe(descriptor, field)}` | {Cell(nodeExporter)} | {Cell(difference)} |");
            }
        }
    }

    private static string Allowed(FieldDeclaration field) => field.Type switch
    {
        FieldType.Boolean => "true, false",
        FieldType.Integer => "whole number",
        _ when field.AllowedValues is { } values => string.Join(", ", values.Select(v => $"`{v}`")),
        _ => $"pattern `{Cell(field.Pattern!)}`, at most {field.MaxLength} characters"
            + (field.Type == FieldType.TextList ? $", at most {field.MaxItems} items" : string.Empty),
    };

    private static string TypeName(FieldType type) => type switch
    {
        FieldType.TextList => "list of text",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
