using Pinger.Configuration;
using Pinger.Plugins.Sdk;
using Pinger.Protocol.Reports;

namespace Pinger.Core.Config;

/// <summary>
/// Decides the level from every file that mentions it, not only the last one. An opt-out is the admin's to give and
/// to take back: an <c>off</c> (or <c>reporting.enabled = false</c>) in <c>/etc</c> or <c>/run</c>, or the old
/// pinger's opt-out file, turns reporting off whatever any other file says, and every file that asks for more is
/// named in a warning. Otherwise the admin's files decide (the last one that sets a level), then the distribution's
/// (where an <c>off</c> also wins over its own other files), then the built-in default.
/// </summary>
/// <param name="Level">The level in force.</param>
/// <param name="Reason">Why, in words: the file(s) and line(s) that decided.</param>
/// <param name="IsDefault">True when no admin or runtime file decided.</param>
/// <param name="Warnings">Files that ask for more than an opt-out allows.</param>
public sealed record LevelDecision(MetricsLevel Level, string Reason, bool IsDefault, IReadOnlyList<ConfigDiagnostic> Warnings)
{
    private const string LevelKey = "reporting.level";
    private const string OldLevelKey = "collecting.level";
    private const string EnabledKey = "reporting.enabled";

    /// <summary>Decides from <paramref name="merged"/> and the old pinger's opt-out file, when there is one.</summary>
    public static LevelDecision From(MergedConfig merged, string? legacyOptOut)
    {
        var asks = merged.Valid
            .Select(v => (v.Entry, v.File, Level: Asked(v.Entry)))
            .Where(a => a.Level is not null)
            .ToArray();
        var admin = asks.Where(a => !a.File.Directory.IsDistributionDefault).ToArray();
        var adminOffs = admin.Where(a => a.Level == MetricsLevel.Off).Select(a => Describe(a.Entry)).ToList();
        if (legacyOptOut is not null)
        {
            adminOffs.Insert(0, $"opt-out file {legacyOptOut}");
        }

        if (adminOffs.Count > 0)
        {
            var reason = string.Join("; ", adminOffs);
            var warnings = admin
                .Where(a => a.Level != MetricsLevel.Off)
                .Select(a => new ConfigDiagnostic(DiagnosticSeverity.Warning, a.Entry.Location, a.Entry.Key,
                    $"asks for level \"{LevelNames.Of(a.Level!.Value)}\", but reporting stays off because of {reason}",
                    "an opt-out cannot be overridden by another file, only removed: delete the opt-out to report"))
                .ToArray();
            return new LevelDecision(MetricsLevel.Off, reason, false, warnings);
        }

        if (admin.Length > 0)
        {
            return Decide(admin, isDefault: false);
        }

        var distribution = asks.Where(a => a.File.Directory.IsDistributionDefault).ToArray();
        return distribution.Length > 0
            ? Decide(distribution, isDefault: true)
            : new LevelDecision(ConfigLoader.BuiltInLevel, "built-in default (no file sets a level)", true, []);
    }

    // Within one tier an off wins over the tier's other files; otherwise the last file that sets a level does.
    private static LevelDecision Decide(IReadOnlyList<(ConfigEntry Entry, DropInFile File, MetricsLevel? Level)> tier, bool isDefault)
    {
        var offs = tier.Where(a => a.Level == MetricsLevel.Off).Select(a => Describe(a.Entry)).ToArray();
        if (offs.Length > 0)
        {
            return new LevelDecision(MetricsLevel.Off, string.Join("; ", offs), isDefault, []);
        }

        var last = tier[^1];
        return new LevelDecision(last.Level!.Value, $"{last.Entry.Key} at {last.Entry.Location}", isDefault, []);
    }

    // What one entry asks for: a level, off for reporting.enabled = false, nothing for reporting.enabled = true.
    private static MetricsLevel? Asked(ConfigEntry entry) => entry.Key switch
    {
        LevelKey or OldLevelKey => LevelNames.Parse((string)entry.Value),
        EnabledKey => entry.Value is false ? MetricsLevel.Off : null,
        _ => null,
    };

    private static string Describe(ConfigEntry entry) =>
        entry.Key == EnabledKey ? $"{entry.Key} = {entry.DisplayValue} at {entry.Location}" : $"{entry.Key} at {entry.Location}";
}
