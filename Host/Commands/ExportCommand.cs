using Pinger.Core.Reporting;
using Pinger.Host.Export;
using Pinger.Host.State;
using Pinger.Protocol.Exposition;
using Serilog;

namespace Pinger.Host.Commands;

/// <summary>
/// <c>pinger export --textfile-dir DIR</c>: writes the facts the next report would carry as <c>pinger.prom</c> for
/// node_exporter's textfile collector, built by the same <see cref="ReportPipeline"/> as <c>pinger --dry-run</c>, so
/// the level, the probe settings and the hold on new fields apply exactly as for <c>pinger run</c>. It sends nothing
/// and changes no state; the file holds no nonce and no window. With reporting off, the file is emptied, so that
/// node_exporter stops showing facts Pinger no longer reports.
/// </summary>
public sealed class ExportCommand(
    ReportPipeline pipeline,
    DiagnosticsPrinter diagnostics,
    StateStore stateStore,
    ILogger logger)
{
    /// <summary>Runs the command for the textfile directory <paramref name="directory"/>; returns the exit status.</summary>
    public async Task<int> ExecuteAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            logger.Error("the textfile directory {Directory} does not exist: create it, or give node_exporter's --collector.textfile.directory", directory);
            return ExitCodes.Usage;
        }

        var build = await pipeline.BuildAsync(ReportPurpose.Show, now => stateStore.Load(now).State, cancellationToken).ConfigureAwait(false);
        diagnostics.Config(build.ConfigResult);
        if (build.Status == ReportBuildStatus.ReportingOff)
        {
            // An empty file rather than none: node_exporter shows nothing stale, and a link to the file stays valid.
            if (Write(directory, string.Empty) is null)
            {
                return ExitCodes.Failure;
            }

            logger.Information("reporting is off ({Reason}): nothing to export; {File} is empty", build.ConfigResult.Config!.LevelReason, Path.Combine(directory, TextfileWriter.FileName));
            return ExitCodes.Ok;
        }

        if (build is not { Contents: { } report, Status: ReportBuildStatus.Built })
        {
            return ExitCodes.InvalidConfig;
        }

        diagnostics.Probes(build);
        foreach (var field in build.NewFields?.Waiting ?? [])
        {
            logger.Warning("waiting: {Field} is new at this level and left out until {SendableFrom:yyyy-MM-ddTHH:mm:ssZ}", field.Key, field.SendableFrom.UtcDateTime);
        }

        var text = MetricsTextWriter.Write(ReportMetrics.Families(report, build.Catalog.Probes.Select(p => p.Descriptor)), MetricsTextFormat.Prometheus);
        if (Write(directory, text) is not { } written)
        {
            return ExitCodes.Failure;
        }

        logger.Information("wrote {File}", written);
        return build.IsPartial ? ExitCodes.PartialReport : ExitCodes.Ok;
    }

    // A directory that cannot be written is the admin's to fix: one clear line, not a stack trace.
    private string? Write(string directory, string text)
    {
        try
        {
            return TextfileWriter.Replace(directory, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.Error("cannot write {File} in {Directory}: {Error}", TextfileWriter.FileName, directory, e.Message);
            return null;
        }
    }
}
