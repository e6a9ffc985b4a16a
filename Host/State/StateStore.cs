using System.Text.Json.Nodes;
using System.Text.Json;
using System.Globalization;
using Pinger.Plugins.Sdk;
using Pinger.Core.Reporting;
using Pinger.Protocol.Windows;

namespace Pinger.Host.State;

/// <summary>
/// Keeps <see cref="PingerState"/> in <c>state.json</c> of the state directory (/var/lib/pinger). Writes are
/// atomic (write a temporary file, flush it to disk, rename over the old one), so a crash leaves the old or
/// the new state, never half of one. A corrupt or future-dated file is replaced by a state that counts the
/// current windows as done: that skips at most one window, and never counts a machine twice in one.
/// </summary>
public sealed class StateStore(string directory)
{
    private const int FormatVersion = 1;

    /// <summary>The state file's path.</summary>
    public string FilePath => Path.Combine(directory, "state.json");

    /// <summary>Reads the state as of <paramref name="now"/>.</summary>
    public StateLoad Load(DateTimeOffset now)
    {
        string text;
        try
        {
            if (!File.Exists(FilePath))
            {
                return new StateLoad(PingerState.Empty, null);
            }

            text = File.ReadAllText(FilePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Replaced(now, $"the state file {FilePath} cannot be read ({e.Message})");
        }

        PingerState state;
        try
        {
            state = Parse(text);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return Replaced(now, $"the state file {FilePath} is corrupt ({e.Message})");
        }

        var current = CountingCalendar.AllContaining(now).ToDictionary(w => w.Kind, w => w.Start);
        if (state.Counted.Any(c => c.Value > current[c.Key]))
        {
            return Replaced(now, $"the state file {FilePath} records a window after the current one (the clock went back?)");
        }

        return new StateLoad(state, null);
    }

    /// <summary>Writes <paramref name="state"/> atomically; throws <see cref="IOException"/> when it cannot.</summary>
    public void Save(PingerState state)
    {
        Directory.CreateDirectory(directory);
        var temporary = FilePath + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(Serialize(state)));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, FilePath, overwrite: true);
    }

    private static StateLoad Replaced(DateTimeOffset now, string problem)
    {
        var current = CountingCalendar.AllContaining(now);
        var safe = PingerState.Empty.WithCounted(current);
        return new StateLoad(safe, problem + "; it is replaced and the current windows are treated as counted");
    }

    private static PingerState Parse(string text)
    {
        var root = JsonNode.Parse(text)?.AsObject() ?? throw new FormatException("empty document");
        if (root["version"]?.GetValue<int>() != FormatVersion)
        {
            throw new FormatException("unknown version");
        }

        var counted = ReadWindows(root["counted"]).ToDictionary(w => w.Kind, w => w.Start);
        var firstWeek = root["first_counted_week"] is { } first ? DateOnly.ParseExact(first.GetValue<string>(), "yyyy-MM-dd") : (DateOnly?)null;
        PendingReport? pending = null;
        if (root["pending"] is JsonObject pendingNode)
        {
            var nonce = pendingNode["nonce"]!.GetValue<string>();
            if (!Pinger.Protocol.Reports.ReportNonce.IsWellFormed(nonce))
            {
                throw new FormatException("malformed nonce");
            }

            pending = new PendingReport(nonce, ReadWindows(pendingNode["windows"]).ToArray());
        }

        return new PingerState(counted, firstWeek, pending) { Fields = ReadFields(root["fields"]) };
    }

    // "fields": {"level": "full", "sendable_from": {"probe.field": "2026-11-27T10:00:00+00:00", ...}}
    private static FieldsSeen? ReadFields(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var levelName = node["level"]?.GetValue<string>() ?? throw new FormatException("fields without a level");
        if (!Enum.TryParse<MetricsLevel>(levelName, ignoreCase: true, out var level) || !Enum.IsDefined(level))
        {
            throw new FormatException($"unknown level '{levelName}'");
        }

        var sendableFrom = (node["sendable_from"]?.AsObject() ?? throw new FormatException("fields without sendable_from"))
            .ToDictionary(p => p.Key, p => DateTimeOffset.Parse(p.Value!.GetValue<string>(), CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return new FieldsSeen(level, sendableFrom);
    }

    private static IEnumerable<CountingWindow> ReadWindows(JsonNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        foreach (var (name, value) in node.AsObject())
        {
            var kind = CountingWindow.ParseKind(name) ?? throw new FormatException($"unknown window kind '{name}'");
            yield return new CountingWindow(kind, DateOnly.ParseExact(value!.GetValue<string>(), "yyyy-MM-dd"));
        }
    }

    private static string Serialize(PingerState state)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", FormatVersion);
            WriteWindows(writer, "counted", state.Counted.Select(c => new CountingWindow(c.Key, c.Value)));
            if (state.FirstCountedWeek is { } firstWeek)
            {
                writer.WriteString("first_counted_week", Date(firstWeek));
            }

            if (state.Fields is { } fields)
            {
                writer.WriteStartObject("fields");
                writer.WriteString("level", fields.Level.ToString().ToLowerInvariant());
                writer.WriteStartObject("sendable_from");
                foreach (var (key, from) in fields.SendableFrom.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    writer.WriteString(key, from.ToString("O", CultureInfo.InvariantCulture));
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            if (state.Pending is { } pending)
            {
                writer.WriteStartObject("pending");
                writer.WriteString("nonce", pending.Nonce);
                WriteWindows(writer, "windows", pending.Windows);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteWindows(Utf8JsonWriter writer, string name, IEnumerable<CountingWindow> windows)
    {
        writer.WriteStartObject(name);
        foreach (var window in windows.OrderBy(w => w.Kind))
        {
            writer.WriteString(window.KindName, Date(window.Start));
        }

        writer.WriteEndObject();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
