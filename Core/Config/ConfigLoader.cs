using Pinger.Configuration;
using Pinger.Plugins.Sdk;
using Pinger.Protocol.Reports;

namespace Pinger.Core.Config;

/// <summary>
/// The client's configuration: merges the drop-ins (<see cref="DropInConfigReader"/>), honours the old
/// pinger's opt-out, and decides the level. All problems are collected before answering, so an admin
/// fixes them in one go. The files are read once (<see cref="Read"/>) and checked as often as needed
/// (<see cref="Check"/>): the level is decided before any plugin loads, the probe tables once they have.
/// </summary>
public sealed class ConfigLoader(ConfigDirectories directories)
{
    /// <summary>The level used when no file sets one.</summary>
    public const MetricsLevel BuiltInLevel = MetricsLevel.Minimal;

    private const string LegacyEnabledKey = "reporting.enabled";

    /// <summary>Reads and checks the configuration, checking probe tables against <paramref name="probes"/>.</summary>
    public ConfigLoadResult Load(KnownProbes probes) => Check(Read(), probes);

    /// <summary>Reads and parses every config file once.</summary>
    public ConfigFiles Read()
    {
        var (dropIns, notes) = DropInConfigReader.ParseWithNotes(directories.DropIns);
        var (legacy, legacyNotes) = DropInConfigReader.ParseWithNotes([directories.Legacy]);
        return new ConfigFiles(dropIns, legacy, directories.Problems.Concat(notes).Concat(legacyNotes).ToArray());
    }

    /// <summary>Checks <paramref name="files"/>, probe tables against <paramref name="probes"/>, and decides the level.</summary>
    public static ConfigLoadResult Check(ConfigFiles files, KnownProbes probes)
    {
        var reader = new DropInConfigReader(ClientConfigSchema.Instance, probes);
        var merged = reader.Merge(files.DropIns);
        var diagnostics = new List<ConfigDiagnostic>(files.Notes.Concat(merged.Diagnostics));
        var optOut = FindLegacyOptOut(reader, files.Legacy, diagnostics);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new ConfigLoadResult(null, diagnostics);
        }

        var decision = LevelDecision.From(merged, optOut);
        diagnostics.AddRange(decision.Warnings);
        if (optOut is not null)
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Warning, null, null,
                $"reporting is off because of {optOut}, the opt-out file of fedora-coreos-pinger",
                "remove that file to let /etc/pinger/config.d decide"));
        }

        var config = new EffectiveConfig
        {
            Level = decision.Level,
            LevelReason = decision.Reason,
            LevelIsDefault = decision.IsDefault,
            Server = merged.Get("reporting.server") is { } server ? ServerUrl.Parse((string)server.Value) : null,
            SendBudget = merged.Get("reporting.timeout_seconds") is { } timeout ? TimeSpan.FromSeconds((long)timeout.Value) : ClientConfigSchema.DefaultTimeout,
            Proxy = merged.Get("reporting.proxy") is { } proxy ? new Uri((string)proxy.Value) : null,
            ThirdPartyProbes = merged.Get("reporting.third_party_probes"),
            Probes = ProbeTables(merged.Winners.Values.Select(w => w.Entry)),
            Entries = merged.Winners.ToDictionary(w => w.Key, w => w.Value.Entry, StringComparer.Ordinal),
            Files = merged.Files.Select(f => f.HostPath).ToArray(),
            LegacyOptOutFile = optOut,
        };
        return new ConfigLoadResult(config, diagnostics);
    }

    private static string? FindLegacyOptOut(DropInConfigReader reader, IReadOnlyList<ParsedDropIn> legacy, List<ConfigDiagnostic> diagnostics)
    {
        string? optOut = null;
        foreach (var file in legacy)
        {
            foreach (var entry in reader.ValidEntries(file, diagnostics))
            {
                if (entry.Key == LegacyEnabledKey && entry.Value is false)
                {
                    optOut = file.File.HostPath;
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
