using System.Text.Json.Nodes;

namespace Pinger.Server.Campaigns.Tests.Flood;

/// <summary>
/// The published field registry as the flood campaign needs it: every field's declared bounds, a valid full report
/// made from them, and the storage bound those bounds imply.
/// </summary>
internal sealed class DeclaredRegistry
{
    // Per row of field_counts: the key's own bytes plus SQLite's record header, cell pointer and count, doubled for
    // half-full B-tree pages (the worst a page split leaves).
    private const int RowOverheadBytes = 32;

    private DeclaredRegistry(IReadOnlyList<DeclaredField> fields) => Fields = fields;

    public IReadOnlyList<DeclaredField> Fields { get; }

    public static DeclaredRegistry Load(string schemaDirectory)
    {
        var fields = new List<DeclaredField>();
        foreach (var file in Directory.GetFiles(schemaDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            foreach (var (probe, node) in JsonNode.Parse(File.ReadAllText(file))!["probes"]!.AsObject())
            {
                foreach (var (name, field) in node!["fields"]!.AsObject())
                {
                    fields.Add(new DeclaredField(probe, name, field!.AsObject()));
                }
            }
        }

        return new DeclaredRegistry(fields);
    }

    /// <summary>Distinct values kept per window over every field: the rows one window can ever hold.</summary>
    public long RowsPerWindow => Fields.Sum(f => (long)f.MaxDistinctPerWindow);

    /// <summary>The most bytes the field counters of <paramref name="windows"/> open windows can take in SQLite.</summary>
    public long FieldCounterBytes(int windows) =>
        windows * Fields.Sum(f => (long)f.MaxDistinctPerWindow * 2 * (RowOverheadBytes + "month".Length + "yyyy-mm-dd".Length + f.Qualified.Length + f.MaxValueBytes));

    /// <summary>A full report holding a valid value for every field that a value can be made for from its declaration alone.</summary>
    public JsonObject ValidFullReport(string nonce)
    {
        var probes = new JsonObject();
        foreach (var field in Fields)
        {
            if (field.SampleValue() is { } value)
            {
                var probe = probes[field.Probe] as JsonObject ?? new JsonObject();
                probe[field.Name] = value;
                probes[field.Probe] = probe;
            }
        }

        // The pattern fields a report needs for its countme tuple.
        var os = (JsonObject)probes["os-versions"]!;
        os["id"] = "fedora";
        os["version_id"] = "41";
        os["variant_id"] = "coreos";
        var (day, week, month) = Infrastructure.ReportBodies.Windows();
        return new JsonObject
        {
            ["age"] = 3, ["level"] = "full", ["nonce"] = nonce, ["probes"] = probes, ["schema"] = 1,
            ["windows"] = new JsonObject { ["day"] = day, ["month"] = month, ["week"] = week },
        };
    }
}
