using System.Text;
using System.Text.Json;

namespace Pinger.Bench.Harness.Fuzzing;

/// <summary>The inputs afl-fuzz starts from, made from the repository's fixtures, and the tokens of its dictionaries.</summary>
internal static class FuzzSeeds
{
    /// <summary>The golden reports of test/fixtures/expected with a well-formed nonce, so they reach the field checks, and one as it is.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> Reports(RepositoryLayout layout)
    {
        var golden = Directory.GetFiles(layout.InRoot("test", "fixtures", "expected"), "*.json").Order(StringComparer.Ordinal).ToList();
        foreach (var file in golden)
        {
            var text = File.ReadAllText(file).Replace("\"random-per-report-----\"", "\"Yk3v0cJm2ZC1aZ5YcXr8tQ\"", StringComparison.Ordinal);
            yield return (Path.GetFileName(file), Encoding.UTF8.GetBytes(text));
        }

        yield return ("as-fixture-" + Path.GetFileName(golden[0]), File.ReadAllBytes(golden[0]));
    }

    /// <summary>Every client config fixture and shipped drop-in, and one probe table per probe.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> Configs(RepositoryLayout layout)
    {
        var files = Directory.GetFiles(layout.InRoot("test", "fixtures", "config"), "*.toml", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(layout.InRoot("contrib", "config.d"), "*.toml"))
            .Concat(Directory.GetFiles(layout.InRoot("contrib", "examples"), "*.toml"))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            yield return (Path.GetFileName(Path.GetDirectoryName(file)) + "-" + Path.GetFileName(file), File.ReadAllBytes(file));
        }

        foreach (var id in ProbeIds(layout))
        {
            yield return ($"probe-{id}.toml", Encoding.UTF8.GetBytes($"[reporting]\nlevel = \"full\"\nserver = \"https://metrics.example.org/\"\ntimeout_seconds = 30\n\n[probes.{id}]\nenabled = true\n"));
        }
    }

    /// <summary>The ids of the distribution's probes: the folders of Probes/ that hold a project.</summary>
    public static IEnumerable<string> ProbeIds(RepositoryLayout layout) =>
        Directory.GetDirectories(layout.InRoot("Probes"))
            .Where(d => Directory.GetFiles(d, "*.csproj").Length > 0)
            .Select(d => Path.GetFileName(d))
            .Order(StringComparer.Ordinal);

    /// <summary>Probe ids (as JSON strings for reports, bare for config) and, for reports, field names and declared values of a schema file.</summary>
    public static IEnumerable<string> SchemaTokens(string schemaJson, bool fieldsAndValues)
    {
        using var schema = JsonDocument.Parse(schemaJson);
        var tokens = new List<string>();
        foreach (var probe in schema.RootElement.GetProperty("probes").EnumerateObject())
        {
            tokens.Add(fieldsAndValues ? "\"" + probe.Name + "\"" : probe.Name);
            if (!fieldsAndValues)
            {
                continue;
            }

            foreach (var field in probe.Value.GetProperty("fields").EnumerateObject())
            {
                tokens.Add("\"" + field.Name + "\"");
                if (field.Value.TryGetProperty("allowed", out var allowed))
                {
                    tokens.AddRange(allowed.EnumerateArray().Select(value => "\"" + value.GetString() + "\""));
                }
            }
        }

        return tokens;
    }
}
