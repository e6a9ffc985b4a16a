using System.Text;
using System.Text.Json;

namespace Pinger.Host.State;

/// <summary>
/// Writes one history entry as a JSON line, with the same names and formats as <see cref="HistoryJson"/> reads.
/// A plain writer rather than the serializer: this runs after every send, and the serializer's first use costs
/// about 10 ms of start-up that the writer does not have.
/// </summary>
internal static class HistoryLineWriter
{
    /// <summary>The JSON text of <paramref name="entry"/>, on one line.</summary>
    public static string Write(HistoryEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("time", entry.Time);
            writer.WriteString("server", entry.Server);
            writer.WriteString("outcome", entry.Outcome);
            writer.WriteString("answer", entry.Answer);
            writer.WriteNumber("attempts", entry.Attempts);
            writer.WriteString("report", entry.Report);
            if (entry.Reason is { } reason)
            {
                writer.WriteString("reason", reason);
            }

            if (entry.Waiting is { } waiting)
            {
                writer.WriteStartArray("waiting");
                foreach (var field in waiting)
                {
                    writer.WriteStringValue(field);
                }

                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
