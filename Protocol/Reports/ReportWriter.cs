using System.Text.Json;
using Pinger.Plugins.Sdk;

namespace Pinger.Protocol.Reports;

/// <summary>
/// The one serializer for reports: what <c>--dry-run</c> prints is, byte for byte, what is sent. Keys are in
/// ordinal order at every level so that the same machine state always gives the same bytes.
/// </summary>
public static class ReportWriter
{
    // No explicit encoder: the writer's built-in default escapes exactly like JavaScriptEncoder.Default, without
    // the few milliseconds of start-up that creating that encoder costs on every run.
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
    };

    /// <summary>The report as UTF-8 JSON, ending with a newline.</summary>
    public static byte[] Write(Report report)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            if (report.Age is { } age)
            {
                writer.WriteNumber(ReportWire.Age, age);
            }

            writer.WriteString(ReportWire.Level, LevelNames.Of(report.Level));
            if (report.Nonce is { } nonce)
            {
                writer.WriteString(ReportWire.Nonce, nonce);
            }

            writer.WriteStartObject(ReportWire.Probes);
            foreach (var (probeId, values) in report.Probes.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(probeId);
                foreach (var (name, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    WriteValue(writer, value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteNumber(ReportWire.Schema, ReportWire.SchemaVersion);
            if (report.Windows.Count > 0)
            {
                writer.WriteStartObject(ReportWire.Windows);
                foreach (var window in report.Windows.OrderBy(w => w.KindName, StringComparer.Ordinal))
                {
                    writer.WriteString(window.KindName, window.StartText);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteValue(Utf8JsonWriter writer, FieldValue value)
    {
        switch (value.Type)
        {
            case FieldType.Text:
                writer.WriteStringValue(value.Text);
                break;
            case FieldType.Integer:
                writer.WriteNumberValue(value.Integer);
                break;
            case FieldType.Boolean:
                writer.WriteBooleanValue(value.Boolean);
                break;
            default:
                writer.WriteStartArray();
                foreach (var item in value.Items!)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
        }
    }
}
