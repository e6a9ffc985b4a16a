using System.Text.Json.Nodes;

namespace Pinger.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The fixture roots that have golden reports (test/fixtures/expected/&lt;root&gt;.&lt;level&gt;.json), and the field
/// values each golden report holds, as the server's totals name them (probe.field).
/// </summary>
internal static class GoldenReports
{
    public static string Directory => Path.Combine(PublishedTree.RepositoryRoot, "test", "fixtures", "expected");

    /// <summary>Every (root, level) pair with a golden report.</summary>
    public static IReadOnlyList<(string Root, string Level)> All() =>
        System.IO.Directory.GetFiles(Directory, "*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f).Split('.'))
            .Select(parts => (Root: parts[0], Level: parts[1]))
            .OrderBy(p => p.Root, StringComparer.Ordinal).ThenBy(p => p.Level, StringComparer.Ordinal)
            .ToList();

    /// <summary>The scalar field values of the golden report of <paramref name="root"/> at <paramref name="level"/>.</summary>
    public static IReadOnlyList<(string Field, string Value)> ScalarFields(string root, string level) =>
        ScalarFields(JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, $"{root}.{level}.json")))!);

    /// <summary>The scalar field values of <paramref name="report"/>, as probe.field.</summary>
    public static IReadOnlyList<(string Field, string Value)> ScalarFields(JsonNode report)
    {
        var fields = new List<(string, string)>();
        foreach (var (probe, values) in report["probes"]!.AsObject())
        {
            foreach (var (field, value) in values!.AsObject())
            {
                if (value is JsonValue scalar)
                {
                    fields.Add(($"{probe}.{field}", scalar.ToString()));
                }
            }
        }

        return fields;
    }
}
