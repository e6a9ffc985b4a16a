using Pinger.Configuration;
using Pinger.Plugins.Sdk;

namespace Pinger.Core.Config;

/// <summary>
/// The configuration after merging every drop-in, with the entry that decided each value so that
/// <c>check-config</c> can say which file set what.
/// </summary>
public sealed record EffectiveConfig
{
    /// <summary>The level in force.</summary>
    public required MetricsLevel Level { get; init; }

    /// <summary>Why the level is what it is, in words (a file and line, the legacy opt-out, or the built-in default).</summary>
    public required string LevelReason { get; init; }

    /// <summary>True when no admin or runtime file chose the level: only the distribution default or the built-in one did.</summary>
    public required bool LevelIsDefault { get; init; }

    /// <summary>Where reports go, when configured.</summary>
    public Uri? Server { get; init; }

    /// <summary>The most one run may spend sending.</summary>
    public TimeSpan SendBudget { get; init; } = ClientConfigSchema.DefaultTimeout;

    /// <summary>The proxy from the config, or null for the environment's.</summary>
    public Uri? Proxy { get; init; }

    /// <summary>
    /// The <c>reporting.third_party_probes</c> entry when a file sets it: false turns off every admin-installed probe,
    /// above any per-probe switch. Null when no file sets it (third-party probes run like any other).
    /// </summary>
    public ConfigEntry? ThirdPartyProbes { get; init; }

    /// <summary>Per-probe config by probe id; probes not mentioned are absent.</summary>
    public required IReadOnlyDictionary<string, ProbeConfig> Probes { get; init; }

    /// <summary>Every winning entry, by dotted key, for explanations.</summary>
    public required IReadOnlyDictionary<string, ConfigEntry> Entries { get; init; }

    /// <summary>The files merged, in merge order, as host paths.</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>The old pinger's opt-out file that turned reporting off, if any.</summary>
    public string? LegacyOptOutFile { get; init; }

    /// <summary>The config of one probe (empty when not mentioned).</summary>
    public ProbeConfig ProbeConfigFor(string id) =>
        Probes.TryGetValue(id, out var config) ? config : new ProbeConfig(null, new Dictionary<string, ConfigEntry>());
}
