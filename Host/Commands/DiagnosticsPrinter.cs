using Pinger.Configuration;
using Pinger.Core.Config;
using Pinger.Core.Reporting;
using Serilog;

namespace Pinger.Host.Commands;

/// <summary>Logs what went wrong in a collection: config diagnostics, plugins that failed to load, probe problems.</summary>
public sealed class DiagnosticsPrinter(ILogger logger)
{
    /// <summary>Logs every config diagnostic at its severity.</summary>
    public void Config(ConfigLoadResult result)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            switch (diagnostic.Severity)
            {
                case DiagnosticSeverity.Error:
                    logger.Error("{Diagnostic}", diagnostic.Describe());
                    break;
                case DiagnosticSeverity.Warning:
                    logger.Warning("{Diagnostic}", diagnostic.Describe());
                    break;
                default:
                    // Masked and replaced files are the admin's intent: 'pinger check-config' lists them, runs stay quiet.
                    logger.Debug("{Diagnostic}", diagnostic.Describe());
                    break;
            }
        }

        if (!result.IsValid)
        {
            var count = result.Errors.Count();
            logger.Error("the configuration is invalid ({Count} {Errors}): nothing is collected or sent", count, count == 1 ? "error" : "errors");
        }
    }

    /// <summary>Logs the install mistakes found while loading plugins.</summary>
    public void LayoutWarnings(Pinger.Core.Discovery.ProbeCatalog catalog)
    {
        foreach (var warning in catalog.Warnings)
        {
            logger.Warning("probe directory: {Warning}", warning);
        }
    }

    /// <summary>Logs a plugin that could not be loaded.</summary>
    public void LoadFailure(Pinger.Core.Discovery.ProbeLoadFailure failure) =>
        logger.Error("probe plugin {PluginDirectory} not loaded: {Problem}", failure.Path, failure.Message);

    /// <summary>Logs plugin load failures and each probe's problems, tagged with the probe id.</summary>
    public void Probes(ReportBuild build)
    {
        LayoutWarnings(build.Catalog);
        foreach (var failure in build.Catalog.Failures)
        {
            LoadFailure(failure);
        }

        foreach (var run in build.Runs)
        {
            var probeLogger = logger.ForContext("ProbeId", run.ProbeId);
            foreach (var problem in run.Problems)
            {
                probeLogger.Warning("probe {ProbeId}: {Problem}", run.ProbeId, problem);
            }

            probeLogger.Debug("probe {ProbeId}: {Status} in {DurationMs:0.0} ms", run.ProbeId, run.Status, run.Duration.TotalMilliseconds);
        }
    }
}
