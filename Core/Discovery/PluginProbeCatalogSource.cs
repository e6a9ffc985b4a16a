namespace Pinger.Core.Discovery;

/// <summary>Loads plugins from <paramref name="searchPaths"/> once, on first use.</summary>
public sealed class PluginProbeCatalogSource(IReadOnlyList<ProbeSearchPath> searchPaths, PhaseTimings timings) : IProbeCatalogSource
{
    private ProbeCatalog? _catalog;

    /// <summary>The directories searched, in order.</summary>
    public IReadOnlyList<ProbeSearchPath> SearchPaths => searchPaths;

    /// <inheritdoc />
    public ProbeCatalog Load() => _catalog ??= timings.Measure("load probe plugins", () => new PluginProbeLoader().Load(searchPaths));
}
