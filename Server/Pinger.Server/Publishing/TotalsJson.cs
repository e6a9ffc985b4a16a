using System.Text.Json;
using Pinger.Protocol.Windows;
using Pinger.Server.Storage;

namespace Pinger.Server.Publishing;

/// <summary>
/// Writes released totals as the JSON document /v1/totals serves, straight into the response with a forward-only
/// writer: a year of weekly windows is tens of thousands of rows, and building objects for the serializer first
/// would cost more than reading them from the database.
/// </summary>
public static class TotalsJson
{
    /// <summary>Writes <paramref name="released"/> with the ε it was released under (null for the admin API's exact counts).</summary>
    public static async Task WriteAsync(Stream output, ReleasedTotals released, CancellationToken cancellationToken)
    {
        var snapshot = released.Counts;
        await using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        if (released.Epsilon is { } epsilon)
        {
            writer.WriteNumber("epsilon", epsilon);
        }
        else
        {
            writer.WriteNull("epsilon");
        }

        writer.WriteStartArray("reports");
        foreach (var row in snapshot.Reports)
        {
            writer.WriteStartObject();
            WriteWindow(writer, row.Window);
            writer.WriteNumber("count", row.Reports);
            writer.WriteEndObject();
            await FlushWhenFullAsync(writer, cancellationToken).ConfigureAwait(false);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("totals");
        foreach (var cell in snapshot.Cells)
        {
            writer.WriteStartObject();
            WriteWindow(writer, cell.Window);
            writer.WriteString("field", cell.Field);
            writer.WriteString("value", cell.Value);
            writer.WriteNumber("count", cell.Count);
            writer.WriteEndObject();
            await FlushWhenFullAsync(writer, cancellationToken).ConfigureAwait(false);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("systems");
        foreach (var row in snapshot.Systems)
        {
            var system = row.System;
            writer.WriteStartObject();
            WriteWindow(writer, row.Window);
            writer.WriteString("os_name", system.OsName);
            writer.WriteString("os_version", system.OsVersion);
            writer.WriteString("os_variant", system.OsVariant);
            writer.WriteString("os_arch", system.OsArch);
            writer.WriteString("sys_age", system.SysAge);
            writer.WriteString("platform", system.Platform);
            writer.WriteNumber("count", row.Count);
            writer.WriteEndObject();
            await FlushWhenFullAsync(writer, cancellationToken).ConfigureAwait(false);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteWindow(Utf8JsonWriter writer, CountingWindow window)
    {
        writer.WriteString("window", window.KindName);
        writer.WriteString("start", window.StartText);
    }

    // Large answers go out in pieces instead of growing one buffer of megabytes.
    private static ValueTask FlushWhenFullAsync(Utf8JsonWriter writer, CancellationToken cancellationToken) =>
        writer.BytesPending >= 32 * 1024 ? new ValueTask(writer.FlushAsync(cancellationToken)) : ValueTask.CompletedTask;
}
