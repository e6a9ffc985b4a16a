namespace Pinger.Core.Discovery;

/// <summary>What one plugin directory yielded, before the loader merges it with the others and checks ids across them.</summary>
/// <param name="Probes">The probes created.</param>
/// <param name="Failures">What could not be loaded or created.</param>
internal sealed record PluginDirectoryLoad(IReadOnlyList<DiscoveredProbe> Probes, IReadOnlyList<ProbeLoadFailure> Failures)
{
    /// <summary>A directory that yielded nothing, for one reason.</summary>
    public static PluginDirectoryLoad Failed(ProbeLoadFailure failure) => new([], [failure]);
}
