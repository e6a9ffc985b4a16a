using Pinger.Configuration;

namespace Pinger.Core.Discovery;

/// <summary>Every probe found, and every plugin that could not be loaded.</summary>
/// <param name="Probes">Loaded probes, ordered by id.</param>
/// <param name="Failures">Plugins that failed, in discovery order.</param>
public sealed record ProbeCatalog(IReadOnlyList<DiscoveredProbe> Probes, IReadOnlyList<ProbeLoadFailure> Failures)
{
    /// <summary>No probe at all (reporting is off, so none was loaded).</summary>
    public static ProbeCatalog Empty { get; } = new([], []);

    /// <summary>Install mistakes that did not stop a plugin from loading but load something else than meant (<see cref="PluginLayoutCheck"/>).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The probes as config validation sees them.</summary>
    public KnownProbes AsKnownProbes() => KnownProbes.Of(Probes.Select(p => p.Descriptor), Failures.Select(f => f.Name));
}
