namespace Pinger.Core.Discovery;

/// <summary>Where probes come from. Loading is deferred until a command needs probes: at level off none is loaded.</summary>
public interface IProbeCatalogSource
{
    /// <summary>The probes, loaded on first call and kept.</summary>
    ProbeCatalog Load();
}
