using Pinger.Configuration;
using Pinger.Core.Config;
using Pinger.Core.Discovery;
using Pinger.Core.Running;
using Pinger.Plugins.Sdk;

namespace Pinger.Core.Reporting;

/// <summary>
/// The collection pipeline: config first (an invalid config stops everything), then, unless the level is
/// off, probe plugins, the probe runs and the report.
/// </summary>
public sealed class ReportCollector(ConfigLoader configLoader, IProbeCatalogSource probes, ProbeRunner runner, PhaseTimings timings)
{
    /// <summary>Collects one report, or says why there is none.</summary>
    /// <param name="cancellationToken">Stops the probe runs.</param>
    /// <param name="configAccepted">
    /// Called once the whole config, probe settings included, is known to be valid and the level is not off, just
    /// before the probes run: the first moment a caller may prepare to send.
    /// </param>
    public async Task<Collection> CollectAsync(CancellationToken cancellationToken, Action? configAccepted = null)
    {
        // The level decides whether plugins are loaded at all, so read it before touching them.
        var first = timings.Measure("load config", () => configLoader.Load(KnownProbes.NotLoaded));
        if (first.Config is { Level: MetricsLevel.Off })
        {
            return new Collection(first, ProbeCatalog.Empty, [], null);
        }

        // An invalid config still gets its probe tables checked, so every error is reported at once;
        // plugins are loaded for that, never run.
        var catalog = probes.Load();
        var checkedResult = timings.Measure("check probe settings", () => configLoader.Load(catalog.AsKnownProbes()));
        if (checkedResult.Config is not { } config)
        {
            return new Collection(checkedResult, catalog, [], null);
        }

        configAccepted?.Invoke();
        var runs = await timings.MeasureAsync("run probes", () => runner.RunAsync(catalog.Probes, config, cancellationToken)).ConfigureAwait(false);
        return new Collection(checkedResult, catalog, runs, ReportAssembler.Assemble(config.Level, runs));
    }
}
