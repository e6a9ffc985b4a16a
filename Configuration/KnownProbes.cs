using Pinger.Plugins.Sdk;

namespace Pinger.Configuration;

/// <summary>
/// The probes config tables are checked against. When probes were not loaded (reporting is off), only the
/// shape of probe tables is checked.
/// </summary>
/// <param name="Descriptors">Loaded probes by id; null when probes were not loaded.</param>
/// <param name="UnloadableNames">Plugin directory names that failed to load: their tables get a warning, not an error.</param>
public sealed record KnownProbes(IReadOnlyDictionary<string, ProbeDescriptor>? Descriptors, IReadOnlySet<string> UnloadableNames)
{
    /// <summary>Probes were not loaded.</summary>
    public static KnownProbes NotLoaded { get; } = new(null, new HashSet<string>());

    /// <summary>Exactly <paramref name="descriptors"/>.</summary>
    public static KnownProbes Of(IEnumerable<ProbeDescriptor> descriptors, IEnumerable<string>? unloadable = null) =>
        new(descriptors.ToDictionary(d => d.Id, StringComparer.Ordinal), new HashSet<string>(unloadable ?? [], StringComparer.Ordinal));
}
