using Pinger.Core.Reporting;
using Pinger.Host.Cli;
using Pinger.Host.State;
using Pinger.Protocol.Exposition;
using Serilog;

namespace Pinger.Host.Commands;

/// <summary>
/// <c>pinger --dry-run</c>: the <see cref="ReportPipeline"/> of <c>pinger run</c> without the sending. It prints
/// exactly the bytes <c>pinger run</c> would send, and nothing else, on standard output; it sends nothing and
/// changes no state. When no window is due now, it prints the report the first run of the next day will send.
/// With <see cref="ReportFormat.OpenMetrics"/> it prints the same values as OpenMetrics text instead.
/// Diagnostics go to the journal or standard error.
/// </summary>
public sealed class DryRunCommand(
    ReportPipeline pipeline,
    DiagnosticsPrinter diagnostics,
    StateStore stateStore,
    StandardStreams streams,
    ILogger logger)
{
    /// <summary>Runs the command; returns the exit status.</summary>
    public async Task<int> ExecuteAsync(ReportFormat format, CancellationToken cancellationToken)
    {
        var build = await pipeline.BuildAsync(ReportPurpose.Show, now => stateStore.Load(now).State, cancellationToken).ConfigureAwait(false);
        diagnostics.Config(build.ConfigResult);
        if (build.Status == ReportBuildStatus.ReportingOff)
        {
            logger.Information("reporting is off ({Reason}): nothing would be sent", build.ConfigResult.Config!.LevelReason);
            return ExitCodes.Ok;
        }

        if (build is not { Report: { } report, Plan: { } plan, ConfigResult.Config: { } config })
        {
            return ExitCodes.InvalidConfig;
        }

        diagnostics.Probes(build);
        foreach (var field in build.NewFields?.Waiting ?? [])
        {
            // Standard output stays the exact bytes a run sends, so the mark goes with the diagnostics.
            logger.Warning("waiting: {Field} is new at this level and left out of the report until {SendableFrom:yyyy-MM-ddTHH:mm:ssZ}", field.Key, field.SendableFrom.UtcDateTime);
        }

        if (!plan.IsDueNow)
        {
            logger.Information("no window is due now: this is the report the next run will send from {Next}", plan.Windows[0].Start);
        }

        if (config.Server is null)
        {
            logger.Warning("no server is configured ([reporting] server): 'pinger run' sends nothing");
        }

        var output = format == ReportFormat.OpenMetrics
            ? System.Text.Encoding.UTF8.GetBytes(MetricsTextWriter.Write(ReportMetrics.Families(build.Contents!, build.Catalog.Probes.Select(p => p.Descriptor)), MetricsTextFormat.OpenMetrics))
            : report;
        await streams.Output.WriteAsync(output, cancellationToken).ConfigureAwait(false);
        await streams.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return build.IsPartial ? ExitCodes.PartialReport : ExitCodes.Ok;
    }
}
