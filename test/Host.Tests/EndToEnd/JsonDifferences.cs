using System.Text.Json.Nodes;

namespace Pinger.Host.Tests.EndToEnd;

/// <summary>Lists how two JSON documents differ, one line per field, so a golden mismatch names what changed.</summary>
internal static class JsonDifferences
{
    public static IReadOnlyList<string> Between(JsonNode expected, JsonNode actual)
    {
        var differences = new List<string>();
        Compare("$", expected, actual, differences);
        return differences;
    }

    private static void Compare(string path, JsonNode? expected, JsonNode? actual, List<string> differences)
    {
        if (expected is JsonObject expectedObject && actual is JsonObject actualObject)
        {
            foreach (var name in expectedObject.Select(p => p.Key).Union(actualObject.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                var child = $"{path}.{name}";
                if (!actualObject.ContainsKey(name))
                {
                    differences.Add($"{child}: missing (expected {expectedObject[name]?.ToJsonString()})");
                }
                else if (!expectedObject.ContainsKey(name))
                {
                    differences.Add($"{child}: unexpected {actualObject[name]?.ToJsonString()}");
                }
                else
                {
                    Compare(child, expectedObject[name], actualObject[name], differences);
                }
            }

            return;
        }

        if (!JsonNode.DeepEquals(expected, actual))
        {
            differences.Add($"{path}: expected {expected?.ToJsonString()}, got {actual?.ToJsonString()}");
        }
    }
}
