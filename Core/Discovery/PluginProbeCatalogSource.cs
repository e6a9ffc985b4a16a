namespace Pinger.Core.Discovery;

/// <summary>Loads plugins from <paramref name="searchPaths"/> once, on first use.</summary>
public sealed class PluginProbeCatalogSource(IReadOnlyList<ProbeSearchPath> searchPaths) : IProbeCatalogSource
{
    private ProbeCatalog? _catalog;

    /// <summary>The directories searched, in order.</summary>
    public IReadOnlyList<ProbeSearchPath> SearchPaths => searchPaths;

    /// <inheritdoc />
    public ProbeCatalog Load() => _catalog ??= LoadOnce();

    private ProbeCatalog LoadOnce()
    {
        using var phase = PhaseTimings.Start("load probe plugins");
        return new PluginProbeLoader().Load(searchPaths);
    }
}
