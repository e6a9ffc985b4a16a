using Pinger.Core.Reporting;
using Pinger.Core.Windows;
using Pinger.Host.Cli;
using Pinger.Host.State;
using Pinger.Plugins.Sdk;
using Pinger.Protocol.Reports;
using Serilog;

namespace Pinger.Host.Commands;

/// <summary>
/// <c>pinger --dry-run</c>: collects the report and prints exactly the bytes <c>pinger run</c> would send, and
/// nothing else, on standard output; sends nothing and changes no state. When no window is due now, it prints
/// the report the first run of the next day will send. Diagnostics go to the journal or standard error.
/// </summary>
public sealed class DryRunCommand(
    ReportCollector collector,
    DiagnosticsPrinter diagnostics,
    StateStore stateStore,
    RootedMachineFiles files,
    TimeProvider clock,
    StandardStreams streams,
    Pinger.Core.PhaseTimings timings,
    ILogger logger)
{
    /// <summary>Runs the command; returns the exit status.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var collection = await collector.CollectAsync(cancellationToken).ConfigureAwait(false);
        diagnostics.Config(collection.ConfigResult);
        if (collection.ConfigResult.Config is not { } config)
        {
            return ExitCodes.InvalidConfig;
        }

        if (collection.Report is not { } report)
        {
            logger.Information("reporting is off ({Reason}): nothing would be sent", config.LevelReason);
            return ExitCodes.Ok;
        }

        diagnostics.Probes(collection);
        var now = clock.GetUtcNow();
        var plan = timings.Measure("read state", () => ReportPlan.For(stateStore.Load(now).State, now, SystemEpoch.From(files)));
        if (!plan.IsDueNow)
        {
            logger.Information("no window is due now: this is the report the next run will send from {Next}", plan.Windows[0].Start);
        }

        if (config.Server is null)
        {
            logger.Warning("no server is configured ([reporting] server): 'pinger run' sends nothing");
        }

        var bytes = timings.Measure("plan and serialize", () => ReportWriter.Write(plan.Apply(report)));
        await streams.Output.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await streams.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return collection.IsPartial ? ExitCodes.PartialReport : ExitCodes.Ok;
    }
}
