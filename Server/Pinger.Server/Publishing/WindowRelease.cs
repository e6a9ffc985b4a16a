using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pinger.Protocol.Windows;
using Pinger.Server.Storage;

namespace Pinger.Server.Publishing;

/// <summary>
/// What the public may see of one closed window: noisy figures that passed their thresholds. It is computed once,
/// kept in storage as JSON, and every later answer is read back from there, so two queries can never be set
/// against each other to cancel the noise.
/// </summary>
/// <param name="Window">The window.</param>
/// <param name="Epsilon">The window's ε when it was released.</param>
/// <param name="Reports">The noisy report count, or null when withheld.</param>
/// <param name="Cells">The field values released.</param>
/// <param name="Systems">The countme tuples released.</param>
public sealed record WindowRelease(CountingWindow Window, decimal Epsilon, long? Reports, IReadOnlyList<TotalsCell> Cells, IReadOnlyList<SystemCount> Systems)
{
    /// <summary>The release as storage keeps it, with a digest of the content as its ETag.</summary>
    public StoredRelease ToStored()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("epsilon", Epsilon);
            if (Reports is { } reports)
            {
                writer.WriteNumber("reports", reports);
            }
            else
            {
                writer.WriteNull("reports");
            }

            writer.WriteStartArray("cells");
            foreach (var cell in Cells)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(cell.Field);
                writer.WriteStringValue(cell.Value);
                writer.WriteNumberValue(cell.Count);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("systems");
            foreach (var row in Systems)
            {
                var s = row.System;
                writer.WriteStartArray();
                foreach (var part in new[] { s.OsName, s.OsVersion, s.OsVariant, s.OsArch, s.SysAge, s.Platform })
                {
                    writer.WriteStringValue(part);
                }

                writer.WriteNumberValue(row.Count);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var content = Encoding.UTF8.GetString(buffer.ToArray());
        return new StoredRelease(Window, content, Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()))[..32]);
    }

    /// <summary>Reads a kept release back.</summary>
    public static WindowRelease FromStored(StoredRelease stored)
    {
        using var document = JsonDocument.Parse(stored.Content);
        var root = document.RootElement;
        var reports = root.GetProperty("reports") is { ValueKind: JsonValueKind.Number } count ? count.GetInt64() : (long?)null;
        var cells = root.GetProperty("cells").EnumerateArray()
            .Select(c => new TotalsCell(stored.Window, c[0].GetString()!, c[1].GetString()!, c[2].GetInt64())).ToArray();
        var systems = root.GetProperty("systems").EnumerateArray()
            .Select(s => new SystemCount(stored.Window,
                new SystemTuple(s[0].GetString()!, s[1].GetString()!, s[2].GetString()!, s[3].GetString()!, s[4].GetString()!, s[5].GetString()!),
                s[6].GetInt64()))
            .ToArray();
        return new WindowRelease(stored.Window, root.GetProperty("epsilon").GetDecimal(), reports, cells, systems);
    }
}
