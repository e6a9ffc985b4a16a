using Pinger.Plugins.Sdk;

namespace Pinger.Core.Config;

/// <summary>
/// Reads every drop-in, validates it, merges the survivors (later keys override earlier ones) and decides
/// the effective configuration. All problems are collected before answering, so an admin fixes them in one go.
/// </summary>
public sealed class ConfigLoader(ConfigDirectories directories)
{
    /// <summary>The level used when no file sets one.</summary>
    public const MetricsLevel BuiltInLevel = MetricsLevel.Minimal;

    private const string LevelKey = "reporting.level";
    private const string LegacyLevelKey = "collecting.level";
    private const string LegacyEnabledKey = "reporting.enabled";

    /// <summary>Loads the configuration, checking probe tables against <paramref name="probes"/>.</summary>
    public ConfigLoadResult Load(KnownProbes probes)
    {
        var validator = new FragmentValidator(probes);
        var diagnostics = new List<ConfigDiagnostic>();
        var files = DropInResolver.Resolve(directories.DropIns);
        var winners = new Dictionary<string, (ConfigEntry Entry, DropInFile File)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var entry in ReadValid(file, validator, diagnostics))
            {
                // The old [collecting] level and the new [reporting] level are one setting: the later one wins.
                winners[entry.Key == LegacyLevelKey ? LevelKey : entry.Key] = (entry, file);
            }
        }

        var optOut = FindLegacyOptOut(validator, diagnostics);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new ConfigLoadResult(null, diagnostics);
        }

        var (level, reason, isDefault) = DecideLevel(winners, optOut);
        if (optOut is not null)
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Warning, null, null,
                $"reporting is off because of {optOut}, the opt-out file of fedora-coreos-pinger",
                "remove that file to let /etc/pinger/config.d decide"));
        }

        var config = new EffectiveConfig
        {
            Level = level,
            LevelReason = reason,
            LevelIsDefault = isDefault,
            Server = winners.TryGetValue("reporting.server", out var server) ? ServerUrl.Parse((string)server.Entry.Value) : null,
            Probes = ProbeTables(winners.Values.Select(w => w.Entry)),
            Entries = winners.ToDictionary(w => w.Key, w => w.Value.Entry, StringComparer.Ordinal),
            Files = files.Select(f => f.HostPath).ToArray(),
            LegacyOptOutFile = optOut,
        };
        return new ConfigLoadResult(config, diagnostics);
    }

    private static IEnumerable<ConfigEntry> ReadValid(DropInFile file, FragmentValidator validator, List<ConfigDiagnostic> diagnostics)
    {
        var text = file.Directory.Files.ReadText(file.Path);
        if (text is null)
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Error, new SourceLocation(file.HostPath, 1, 1), null,
                "the file cannot be read", "check that it is a readable regular file, or mask it with a link to /dev/null"));
            return [];
        }

        var (found, valid) = validator.Validate(TomlFragmentReader.Read(file.HostPath, text));
        diagnostics.AddRange(found);
        return valid;
    }

    private string? FindLegacyOptOut(FragmentValidator validator, List<ConfigDiagnostic> diagnostics)
    {
        string? optOut = null;
        foreach (var file in DropInResolver.Resolve([directories.Legacy]))
        {
            foreach (var entry in ReadValid(file, validator, diagnostics))
            {
                if (entry.Key == LegacyEnabledKey && entry.Value is false)
                {
                    optOut = file.HostPath;
                }
                else
                {
                    diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Warning, entry.Location, entry.Key,
                        "only the opt-out ([reporting] enabled = false) is read from the fedora-coreos-pinger directory",
                        "move this key to /etc/pinger/config.d/"));
                }
            }
        }

        return optOut;
    }

    private static (MetricsLevel Level, string Reason, bool IsDefault) DecideLevel(
        Dictionary<string, (ConfigEntry Entry, DropInFile File)> winners, string? optOut)
    {
        if (optOut is not null)
        {
            return (MetricsLevel.Off, $"opt-out file {optOut}", false);
        }

        if (winners.TryGetValue(LegacyEnabledKey, out var enabled) && enabled.Entry.Value is false)
        {
            return (MetricsLevel.Off, $"{LegacyEnabledKey} = false at {enabled.Entry.Location}", false);
        }

        if (winners.TryGetValue(LevelKey, out var level))
        {
            var chosen = ConfigSchema.ParseLevel((string)level.Entry.Value)!.Value;
            return (chosen, $"{level.Entry.Key} at {level.Entry.Location}", level.File.Directory.IsDistributionDefault);
        }

        return (BuiltInLevel, "built-in default (no file sets a level)", true);
    }

    private static IReadOnlyDictionary<string, ProbeConfig> ProbeTables(IEnumerable<ConfigEntry> entries) =>
        entries
            .Where(e => e.Path.Count == 3 && e.Path[0] == ConfigSchema.ProbesSection)
            .GroupBy(e => e.Path[1], StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => new ProbeConfig(
                    g.FirstOrDefault(e => e.Path[2] == ConfigSchema.ProbeEnabledKey),
                    g.Where(e => e.Path[2] != ConfigSchema.ProbeEnabledKey).ToDictionary(e => e.Path[2], StringComparer.Ordinal)),
                StringComparer.Ordinal);
}
