using Pinger.Plugins.Sdk;

namespace Pinger.Configuration;

/// <summary>
/// Checks every table and key of one fragment against a <see cref="ConfigSchema"/> and the known probes.
/// Unknown keys are errors, never silently ignored: a typo must not change what a machine reports.
/// </summary>
public sealed class FragmentValidator(ConfigSchema schema, KnownProbes probes)
{
    /// <summary>Every problem in <paramref name="fragment"/>, and the entries that passed.</summary>
    public (IReadOnlyList<ConfigDiagnostic> Diagnostics, IReadOnlyList<ConfigEntry> ValidEntries) Validate(ConfigFragment fragment)
    {
        var diagnostics = new List<ConfigDiagnostic>(fragment.Diagnostics);
        foreach (var table in fragment.Tables)
        {
            diagnostics.AddRange(CheckTable(table));
        }

        // A misspelt table header is reported once, not again for every key below it.
        var reportedScopes = diagnostics.Select(d => d.Key).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var valid = new List<ConfigEntry>();
        foreach (var entry in fragment.Entries)
        {
            var found = CheckEntry(entry).ToArray();
            var errors = found.Count(d => d.Severity == DiagnosticSeverity.Error);
            diagnostics.AddRange(found.Where(d => !IsUnder(entry, d, reportedScopes)));
            if (errors == 0)
            {
                valid.Add(entry);
            }
        }

        return (diagnostics.OrderBy(d => d.Location?.Line ?? 0).ThenBy(d => d.Location?.Column ?? 0).ToArray(), valid);
    }

    // True when the diagnostic is about a scope (section or probe table) whose header was already reported.
    private static bool IsUnder(ConfigEntry entry, ConfigDiagnostic diagnostic, HashSet<string> reportedScopes) =>
        Enumerable.Range(1, entry.Path.Count - 1)
            .Select(n => string.Join('.', entry.Path.Take(n)))
            .Any(scope => reportedScopes.Contains(scope) && (diagnostic.Key == scope || diagnostic.Key == entry.Key));

    private IEnumerable<ConfigDiagnostic> CheckTable(ConfigTable table)
    {
        var name = string.Join('.', table.Path);
        if (table.IsArray)
        {
            yield return Error(table.Location, name, "arrays of tables are not used by Pinger", $"write [{name}] with single brackets");
            yield break;
        }

        var section = table.Path[0];
        if (!schema.Sections.Contains(section))
        {
            yield return UnknownSection(table.Location, section);
        }
        else if (section == ConfigSchema.ProbesSection && table.Path.Count >= 2)
        {
            if (table.Path.Count > 2)
            {
                yield return Error(table.Location, name, "probe tables have no sub-tables", $"write [probes.{table.Path[1]}]");
            }
            else if (UnknownProbe(table.Location, table.Path[1]) is { } unknown)
            {
                yield return unknown;
            }
        }
        else if (section != ConfigSchema.ProbesSection && table.Path.Count > 1)
        {
            yield return Error(table.Location, name, $"[{section}] has no sub-tables", $"write keys directly under [{section}]");
        }
    }

    private IEnumerable<ConfigDiagnostic> CheckEntry(ConfigEntry entry)
    {
        var path = entry.Path;
        if (schema.HasProbeTables && path[0] == ConfigSchema.ProbesSection)
        {
            return CheckProbeEntry(entry);
        }

        var known = schema.Keys.FirstOrDefault(k => path.Count == 2 && k.Section == path[0] && k.Name == path[1]);
        if (known is null)
        {
            return [UnknownKey(entry)];
        }

        return CheckKnownKey(entry, known);
    }

    private static IEnumerable<ConfigDiagnostic> CheckKnownKey(ConfigEntry entry, ConfigKey key)
    {
        if (entry.Kind != key.Kind)
        {
            yield return WrongType(entry, key.Kind);
            yield break;
        }

        if (key.Check?.Invoke(entry) is { } problem)
        {
            yield return Error(entry.Location, entry.Key, problem.Message, problem.Hint);
            yield break;
        }

        if (key.ReplacedBy is not null)
        {
            yield return new ConfigDiagnostic(
                DiagnosticSeverity.Warning, entry.Location, entry.Key,
                "this key is kept from fedora-coreos-pinger and still works", $"prefer {key.ReplacedBy}");
        }
    }

    private IEnumerable<ConfigDiagnostic> CheckProbeEntry(ConfigEntry entry)
    {
        var path = entry.Path;
        if (path.Count != 3)
        {
            var example = path.Count >= 2 ? $"[probes.{path[1]}] with enabled = false" : "[probes.<id>] with enabled = false";
            yield return Error(entry.Location, entry.Key, "probe settings go in a table per probe", $"write {example}");
            yield break;
        }

        var (id, name) = (path[1], path[2]);
        if (UnknownProbe(entry.Location, id) is { } unknown)
        {
            yield return unknown;
            yield break;
        }

        if (name == ConfigSchema.ProbeEnabledKey)
        {
            if (entry.Kind != ConfigValueKind.Boolean)
            {
                yield return WrongType(entry, ConfigValueKind.Boolean);
            }

            yield break;
        }

        if (probes.Descriptors is not { } descriptors || !descriptors.TryGetValue(id, out var descriptor))
        {
            yield break;
        }

        var setting = descriptor.Settings.FirstOrDefault(s => s.Name == name);
        if (setting is null)
        {
            var accepted = descriptor.Settings.Select(s => s.Name).Prepend(ConfigSchema.ProbeEnabledKey).ToArray();
            var suggestion = NearestName.Find(name, accepted);
            var hint = suggestion is not null ? $"did you mean '{suggestion}'?" : $"probe '{id}' accepts: {string.Join(", ", accepted)}";
            yield return Error(entry.Location, entry.Key, $"probe '{id}' has no setting '{name}'", hint);
        }
        else if (entry.Kind != KindOf(setting.Type))
        {
            yield return WrongType(entry, KindOf(setting.Type));
        }
        else if (SettingConstraints.Check(setting, entry) is { } problem)
        {
            yield return Error(entry.Location, entry.Key, problem.Message, problem.Hint);
        }
    }

    private ConfigDiagnostic? UnknownProbe(SourceLocation location, string id)
    {
        if (probes.Descriptors is not { } descriptors || descriptors.ContainsKey(id))
        {
            return null;
        }

        if (probes.UnloadableNames.Contains(id))
        {
            return new ConfigDiagnostic(DiagnosticSeverity.Warning, location, $"probes.{id}",
                $"probe '{id}' failed to load, so its settings are not checked", "see 'pinger probes'");
        }

        var suggestion = NearestName.Find(id, descriptors.Keys);
        var hint = suggestion is not null
            ? $"did you mean '{suggestion}'?"
            : descriptors.Count == 0
                ? "no probe is installed (see 'pinger probes')"
                : $"known probes: {string.Join(", ", descriptors.Keys.Order(StringComparer.Ordinal))} (see 'pinger probes')";
        return Error(location, $"probes.{id}", $"unknown probe id '{id}'", hint);
    }

    private ConfigDiagnostic UnknownSection(SourceLocation location, string section)
    {
        var suggestion = NearestName.Find(section, schema.Sections);
        var hint = suggestion is not null
            ? $"did you mean [{suggestion}]?"
            : $"known sections: {string.Join(", ", schema.Sections.Select(s => $"[{s}]"))}";
        return Error(location, section, "unknown section", hint);
    }

    private ConfigDiagnostic UnknownKey(ConfigEntry entry)
    {
        var path = entry.Path;
        if (!schema.Sections.Contains(path[0]))
        {
            var home = schema.Keys.FirstOrDefault(k => path.Count == 1 && k.Name == path[0]);
            if (home is not null)
            {
                return Error(entry.Location, entry.Key, "unknown key at the top level", $"put it under [{home.Section}]");
            }

            return UnknownSection(entry.Location, path[0]) with { Key = entry.Key };
        }

        var inSection = schema.Keys.Where(k => k.Section == path[0]).Select(k => k.Name).ToArray();
        var suggestion = path.Count == 2 ? NearestName.Find(path[1], inSection) : null;
        var hint = suggestion is not null
            ? $"did you mean '{path[0]}.{suggestion}'?"
            : $"[{path[0]}] accepts: {string.Join(", ", inSection)}";
        return Error(entry.Location, entry.Key, "unknown key", hint);
    }

    private static ConfigDiagnostic WrongType(ConfigEntry entry, ConfigValueKind expected) =>
        Error(entry.Location, entry.Key, $"expected {Describe(expected)}, found {Describe(entry.Kind)}", expected switch
        {
            ConfigValueKind.String => "put the value in double quotes",
            ConfigValueKind.Boolean => "write true or false, without quotes",
            ConfigValueKind.Integer => "write a whole number, without quotes",
            _ => null,
        });

    private static ConfigDiagnostic Error(SourceLocation location, string key, string message, string? hint) =>
        new(DiagnosticSeverity.Error, location, key, message, hint);

    private static ConfigValueKind KindOf(FieldType type) => type switch
    {
        FieldType.Boolean => ConfigValueKind.Boolean,
        FieldType.Integer => ConfigValueKind.Integer,
        _ => ConfigValueKind.String,
    };

    private static string Describe(ConfigValueKind kind) => kind switch
    {
        ConfigValueKind.DateTime => "a date-time",
        ConfigValueKind.Integer => "an integer",
        ConfigValueKind.Array => "an array",
        _ => "a " + kind.ToString().ToLowerInvariant(),
    };
}
