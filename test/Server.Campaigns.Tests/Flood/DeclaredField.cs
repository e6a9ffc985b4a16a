using System.Text.Json.Nodes;

namespace Pinger.Server.Campaigns.Tests.Flood;

/// <summary>One field of the published registry with the bounds its schema file declares.</summary>
internal sealed class DeclaredField(string probe, string name, JsonObject node)
{
    public string Probe { get; } = probe;

    public string Name { get; } = name;

    public string Qualified => Probe + "." + Name;

    /// <summary>Where a refusal names this field.</summary>
    public string ProblemPath => "probes." + Probe + "." + Name;

    public string Type => (string)node["type"]!;

    public bool HasPattern => node["pattern"] is not null;

    public int MaxDistinctPerWindow => (int)node["max_distinct_per_window"]!;

    /// <summary>The longest value's bytes as stored: the declared length, the longest allowed value, or an integer's digits.</summary>
    public int MaxValueBytes => Type switch
    {
        "integer" => 20,
        "boolean" => 5,
        _ => node["max_length"] is { } max ? (int)max : node["allowed"]!.AsArray().Max(v => ((string)v!).Length),
    };

    /// <summary>A value inside the declaration, or null for a pattern field (no value can be made from a pattern alone).</summary>
    public JsonNode? SampleValue() => Type switch
    {
        "integer" => JsonValue.Create(FirstInteger()),
        "boolean" => JsonValue.Create(true),
        "text" when node["allowed"] is JsonArray allowed => JsonValue.Create((string)allowed[0]!),
        "text_list" when node["allowed"] is JsonArray allowed => new JsonArray(JsonValue.Create((string)allowed[0]!)),
        _ => null,
    };

    private long FirstInteger()
    {
        var values = node["values"]!;
        return (string)values["kind"]! switch
        {
            "floors" => (long)values["floors"]![0]!,
            "powers_of_two" when (bool)values["with_zero"]! => 0,
            _ => (long)values["min"]!,
        };
    }
}
