namespace Pinger.Configuration;

/// <summary>
/// The keys one program accepts in its drop-ins, and whether it has per-probe tables. The validator rejects
/// everything else, so a typo never goes unnoticed.
/// </summary>
/// <param name="Keys">The accepted keys outside probe tables.</param>
/// <param name="HasProbeTables">Whether <c>[probes.&lt;id&gt;]</c> tables are accepted.</param>
public sealed record ConfigSchema(IReadOnlyList<ConfigKey> Keys, bool HasProbeTables)
{
    /// <summary>The table that holds one sub-table per probe.</summary>
    public const string ProbesSection = "probes";

    /// <summary>The key every probe table accepts to switch the probe on or off.</summary>
    public const string ProbeEnabledKey = "enabled";

    /// <summary>The sections that may appear as table headers.</summary>
    public IReadOnlyList<string> Sections { get; } =
        Keys.Select(k => k.Section).Distinct().Concat(HasProbeTables ? [ProbesSection] : []).ToArray();
}
