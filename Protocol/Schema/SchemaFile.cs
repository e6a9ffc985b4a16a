using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;
using Pinger.Plugins.Sdk;
using Pinger.Protocol.Reports;

namespace Pinger.Protocol.Schema;

/// <summary>
/// The field registry as a JSON file: <c>pinger schema</c> writes it from the installed probes, and the server
/// loads such files from a directory, so a third-party probe's fields are accepted once its file is dropped in.
/// Reading rebuilds real <see cref="FieldDeclaration"/>s, so the server checks values exactly as the host does.
/// </summary>
public static class SchemaFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The schema file for <paramref name="probes"/>, keys in ordinal order.</summary>
    public static string Write(IEnumerable<ProbeDescriptor> probes)
    {
        var probeNodes = new JsonObject();
        foreach (var probe in probes.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            var fields = new JsonObject();
            foreach (var field in probe.Fields.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                fields[field.Name] = FieldNode(field);
            }

            probeNodes[probe.Id] = new JsonObject { ["description"] = probe.Description, ["fields"] = fields };
        }

        var root = new JsonObject { ["probes"] = probeNodes, ["schema"] = ReportWire.SchemaVersion };
        return root.ToJsonString(Indented) + "\n";
    }

    /// <summary>Reads a schema file; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static IReadOnlyList<ProbeSchema> Read(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException("not valid JSON: " + e.Message, e);
        }

        if (root?["schema"]?.GetValueKind() != JsonValueKind.Number || root["schema"]!.GetValue<int>() != ReportWire.SchemaVersion)
        {
            throw new FormatException($"\"schema\" must be {ReportWire.SchemaVersion}");
        }

        if (root["probes"] is not JsonObject probes)
        {
            throw new FormatException("\"probes\" must be an object");
        }

        return probes.Select(p => ReadProbe(p.Key, p.Value)).ToArray();
    }

    private static JsonObject FieldNode(FieldDeclaration field)
    {
        var node = new JsonObject
        {
            ["type"] = TypeName(field.Type),
            ["level"] = LevelNames.Of(field.Level),
            ["description"] = field.Description,
            ["coarsening"] = field.Coarsening,
        };
        if (field.Values is { } values)
        {
            node["values"] = ValuesNode(values);
        }

        if (field.AllowedValues is { } allowed)
        {
            node["allowed"] = new JsonArray(allowed.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
        }

        if (field.Pattern is { } pattern)
        {
            node["pattern"] = pattern;
            node["max_length"] = field.MaxLength;
        }

        if (field.Type == FieldType.TextList)
        {
            node["max_items"] = field.MaxItems;
        }

        node["max_distinct_per_window"] = field.MaxDistinctPerWindow;
        return node;
    }

    private static JsonObject ValuesNode(IntegerValues values) => values.Kind switch
    {
        IntegerValuesKind.Floors => new JsonObject
        {
            ["kind"] = "floors", ["floors"] = new JsonArray(values.Values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
        },
        IntegerValuesKind.PowersOfTwo => new JsonObject
        {
            ["kind"] = "powers_of_two", ["min"] = values.Min, ["max"] = values.Max, ["with_zero"] = values.WithZero,
        },
        _ => new JsonObject { ["kind"] = "range", ["min"] = values.Min, ["max"] = values.Max },
    };

    private static IntegerValues ReadValues(JsonNode? node)
    {
        if (node is not JsonObject values)
        {
            throw new FormatException("an integer field needs \"values\": its exact value set");
        }

        long Bound(string key) => values[key]?.GetValue<long>() ?? throw new FormatException($"\"values\" needs \"{key}\"");
        return values["kind"]?.GetValue<string>() switch
        {
            "floors" => IntegerValues.Floors(values["floors"]?.AsArray().Select(v => v!.GetValue<long>()) ?? throw new FormatException("\"values\" needs \"floors\"")),
            "powers_of_two" => IntegerValues.PowersOfTwo(Bound("min"), Bound("max"), values["with_zero"]?.GetValue<bool>() ?? false),
            "range" => IntegerValues.Range(Bound("min"), Bound("max")),
            var other => throw new FormatException($"unknown value set kind '{other}'"),
        };
    }

    private static int MaxDistinct(JsonObject field) =>
        field["max_distinct_per_window"]?.GetValue<int>() ?? throw new FormatException("a pattern field needs \"max_distinct_per_window\"");

    private static ProbeSchema ReadProbe(string id, JsonNode? node)
    {
        if (!ProbeDescriptor.IsValidName(id) || node is not JsonObject probe || probe["fields"] is not JsonObject fields)
        {
            throw new FormatException($"probe '{id}': needs a valid id and a \"fields\" object");
        }

        var description = probe["description"]?.GetValue<string>() ?? id;
        return new ProbeSchema(id, description, fields.Select(f => ReadField(id, f.Key, f.Value)).ToArray());
    }

    private static FieldDeclaration ReadField(string probeId, string name, JsonNode? node)
    {
        try
        {
            var field = node!.AsObject();
            var level = LevelNames.Parse(field["level"]!.GetValue<string>()) ?? throw new FormatException("unknown level");
            var description = field["description"]?.GetValue<string>() ?? name;
            var coarsening = field["coarsening"]?.GetValue<string>() ?? "not stated";
            var allowed = field["allowed"]?.AsArray().Select(v => v!.GetValue<string>()).ToArray();
            var pattern = field["pattern"]?.GetValue<string>();
            var maxLength = field["max_length"]?.GetValue<int>() ?? 0;
            var maxItems = field["max_items"]?.GetValue<int>() ?? 1;
            return field["type"]!.GetValue<string>() switch
            {
                "boolean" => FieldDeclaration.Boolean(name, level, description),
                "integer" => FieldDeclaration.Integer(name, level, description, ReadValues(field["values"])),
                "text" when allowed is not null => FieldDeclaration.OneOf(name, level, description, allowed, coarsening),
                "text" => FieldDeclaration.Matching(name, level, description, pattern ?? throw new FormatException("a text field needs \"allowed\" or \"pattern\""), maxLength, MaxDistinct(field), coarsening),
                "text_list" when allowed is not null => FieldDeclaration.ListOneOf(name, level, description, allowed, maxItems, coarsening),
                "text_list" => FieldDeclaration.ListMatching(name, level, description, pattern ?? throw new FormatException("a list field needs \"allowed\" or \"pattern\""), maxLength, maxItems, MaxDistinct(field), coarsening),
                var other => throw new FormatException($"unknown type '{other}'"),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException or NullReferenceException or FormatException or JsonException)
        {
            throw new FormatException($"probe '{probeId}', field '{name}': {e.Message}", e);
        }
    }

    private static string TypeName(FieldType type) => type switch
    {
        FieldType.Text => "text",
        FieldType.Integer => "integer",
        FieldType.Boolean => "boolean",
        _ => "text_list",
    };
}
