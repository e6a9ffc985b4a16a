using System.Globalization;
using System.Text.Json;
using Pinger.Plugins.Sdk;
using Pinger.Protocol.Schema;
using Pinger.Protocol.Windows;

namespace Pinger.Protocol.Reports;

/// <summary>
/// Reads a report body as a server receives it, checking everything: the envelope, the windows against the server's
/// clock, and every value against the same field declarations the client used. Problems name the
/// place, never the value, so nothing a client sends is echoed into responses or logs. A probe the registry does not
/// know is left out (<see cref="ReceivedReport.IgnoredProbes"/>) rather than refusing the report.
/// </summary>
public sealed class ReportReader(IFieldLookup registry, DateTimeOffset now, TimeSpan clockSkew)
{
    /// <summary>The most problems one refusal lists.</summary>
    public const int MaxProblems = 20;
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 8, AllowDuplicateProperties = false };

    /// <summary>Reads and checks one body.</summary>
    public ReportReadResult Read(ReadOnlyMemory<byte> body)
    {
        // The parser checks UTF-8 only where it must; a bad sequence inside a string would surface later, as a crash.
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            return ReportReadResult.Malformed("(body)", "not valid UTF-8");
        }

        if (EscapesLoneSurrogate(body.Span))
        {
            return ReportReadResult.Malformed("(body)", "a string escapes a lone UTF-16 surrogate");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, ParseOptions);
        }
        catch (JsonException e)
        {
            return ReportReadResult.Malformed("(body)", $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ReportReadResult.Malformed("(body)", "the report must be a JSON object");
            }

            return Check(document.RootElement);
        }
    }

    // "\ud800" alone is valid JSON grammar but no text: reading such a string or member name throws, so it is
    // refused here, before anything reads one. Only a body with a \u escape can hold one: reports as pinger writes
    // them have none, so the usual body is not read twice.
    private static bool EscapesLoneSurrogate(ReadOnlySpan<byte> body)
    {
        if (body.IndexOf("\\u"u8) < 0)
        {
            return false;
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = ParseOptions.MaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    _ = reader.GetString();
                }
            }
        }
        catch (InvalidOperationException)
        {
            return true;
        }
        catch (JsonException)
        {
            // Not JSON at all: the parser below says where.
        }

        return false;
    }

    private static string Name(string name) => ProbeDescriptor.IsValidName(name) ? name : "(an invalid name)";

    private static int? Age(JsonElement root, List<ReportProblem> problems)
    {
        if (root.TryGetProperty(ReportWire.Age, out var age) && age.ValueKind == JsonValueKind.Number && age.TryGetInt32(out var bucket) && bucket is >= 1 and <= 4)
        {
            return bucket;
        }

        problems.Add(new ReportProblem(ReportWire.Age, "must be the countme age bucket, an integer from 1 to 4"));
        return null;
    }

    private static MetricsLevel? Level(JsonElement root, List<ReportProblem> problems)
    {
        // A report is never sent at level off, so "off" is no report's level.
        if (root.TryGetProperty(ReportWire.Level, out var level) && level.ValueKind == JsonValueKind.String
            && LevelNames.Parse(level.GetString()!) is { } parsed and not MetricsLevel.Off)
        {
            return parsed;
        }

        problems.Add(new ReportProblem(ReportWire.Level, "must be \"minimal\" or \"full\""));
        return null;
    }

    private static string? Nonce(JsonElement root, List<ReportProblem> problems)
    {
        if (root.TryGetProperty(ReportWire.Nonce, out var element) && element.ValueKind == JsonValueKind.String
            && element.GetString() is { } nonce && ReportNonce.IsWellFormed(nonce))
        {
            return nonce;
        }

        problems.Add(new ReportProblem(ReportWire.Nonce, "must be 16 random bytes in unpadded base64url (22 characters)"));
        return null;
    }

    private static FieldValue? ValueOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => FieldValue.FromText(element.GetString()!),
        JsonValueKind.Number when element.TryGetInt64(out var number) => FieldValue.FromInteger(number),
        JsonValueKind.True => FieldValue.FromBoolean(true),
        JsonValueKind.False => FieldValue.FromBoolean(false),
        JsonValueKind.Array when element.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String) =>
            FieldValue.FromList(element.EnumerateArray().Select(i => i.GetString()!)),
        _ => null,
    };

    private ReportReadResult Check(JsonElement root)
    {
        var problems = new List<ReportProblem>();
        foreach (var member in root.EnumerateObject())
        {
            if (!ReportWire.Members.Contains(member.Name))
            {
                problems.Add(new ReportProblem(Name(member.Name), $"is not a member of a schema {ReportWire.SchemaVersion} report"));
            }
        }

        if (!root.TryGetProperty(ReportWire.Schema, out var schema) || schema.ValueKind != JsonValueKind.Number || !schema.TryGetInt32(out var version) || version != ReportWire.SchemaVersion)
        {
            // A different schema may mean anything below: say only this.
            return ReportReadResult.Invalid([new ReportProblem(ReportWire.Schema, $"must be {ReportWire.SchemaVersion}, the only report schema this server reads")]);
        }

        var level = Level(root, problems);
        var age = Age(root, problems);
        var nonce = Nonce(root, problems);
        var windows = Windows(root, problems);
        var ignored = new List<string>();
        var values = level is { } known ? Values(root, known, problems, ignored) : [];
        if (problems.Count > 0)
        {
            return ReportReadResult.Invalid(problems.Take(MaxProblems).ToArray());
        }

        return ReportReadResult.Accepted(new ReceivedReport(nonce!, level!.Value, age!.Value, windows, values) { IgnoredProbes = ignored });
    }

    private List<CountingWindow> Windows(JsonElement root, List<ReportProblem> problems)
    {
        var windows = new List<CountingWindow>();
        if (!root.TryGetProperty(ReportWire.Windows, out var element) || element.ValueKind != JsonValueKind.Object || !element.EnumerateObject().Any())
        {
            problems.Add(new ReportProblem(ReportWire.Windows, "must be an object naming 1 to 3 of \"day\", \"week\" and \"month\""));
            return windows;
        }

        foreach (var member in element.EnumerateObject())
        {
            var path = ReportWire.Windows + "." + Name(member.Name);
            if (CountingWindow.ParseKind(member.Name) is not { } kind)
            {
                problems.Add(new ReportProblem(path, "is not a window: use \"day\", \"week\" or \"month\""));
            }
            else if (member.Value.ValueKind != JsonValueKind.String
                || !DateOnly.TryParseExact(member.Value.GetString(), ReportWire.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            {
                problems.Add(new ReportProblem(path, "must be a date written YYYY-MM-DD"));
            }
            else if (CountingCalendar.StartOf(kind, start) != start)
            {
                problems.Add(new ReportProblem(path, $"must be the first day of a {member.Name} (weeks start on Monday)"));
            }
            else if (!CountingCalendar.Acceptable(kind, now, clockSkew).Contains(start))
            {
                problems.Add(new ReportProblem(path, "is neither the current nor the previous window"));
            }
            else
            {
                windows.Add(new CountingWindow(kind, start));
            }
        }

        return windows;
    }

    private List<ReceivedValue> Values(JsonElement root, MetricsLevel level, List<ReportProblem> problems, List<string> ignored)
    {
        var values = new List<ReceivedValue>();
        if (!root.TryGetProperty(ReportWire.Probes, out var probes) || probes.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ReportProblem(ReportWire.Probes, "must be an object of probe ids"));
            return values;
        }

        foreach (var probe in probes.EnumerateObject())
        {
            var probePath = ReportWire.Probes + "." + Name(probe.Name);
            if (!ProbeDescriptor.IsValidName(probe.Name))
            {
                problems.Add(new ReportProblem(probePath, "is not a probe id"));
                continue;
            }

            if (!registry.HasProbe(probe.Name))
            {
                // A probe this server has no schema for (a third-party probe not installed here yet) must not cost the
                // machine the count of everything else: its values are never read, let alone stored, and the answer
                // names it so the client can say so.
                ignored.Add(probe.Name);
                continue;
            }

            if (probe.Value.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new ReportProblem(probePath, "must be an object of field values"));
                continue;
            }

            foreach (var field in probe.Value.EnumerateObject())
            {
                var path = probePath + "." + Name(field.Name);
                var problem = CheckField(probe.Name, field, level, out var value);
                if (problem is not null)
                {
                    problems.Add(new ReportProblem(path, problem));
                    continue;
                }

                values.Add(new ReceivedValue(probe.Name, field.Name, value!));
            }
        }

        return values;
    }

    private string? CheckField(string probeId, JsonProperty field, MetricsLevel level, out FieldValue? value)
    {
        value = null;
        if (registry.Find(probeId, field.Name) is not { } declaration)
        {
            return "is not a field of this probe in the server's field registry";
        }

        if (declaration.Level > level)
        {
            return $"is a {declaration.Level.ToString().ToLowerInvariant()}-level field, not allowed in a {level.ToString().ToLowerInvariant()} report";
        }

        value = ValueOf(field.Value);
        if (value is null)
        {
            return "must be a string, an integer, a boolean or an array of strings";
        }

        return declaration.Accepts(value, out var problem) ? null : problem;
    }
}
