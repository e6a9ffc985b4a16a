using Pinger.Core.Reporting;
using Pinger.Host.Cli;
using Serilog;

namespace Pinger.Host.Commands;

/// <summary>
/// <c>pinger --dry-run</c>: collects the report and prints exactly the bytes that would be sent, and nothing
/// else, on standard output. Diagnostics go to the journal or standard error.
/// </summary>
public sealed class DryRunCommand(ReportCollector collector, DiagnosticsPrinter diagnostics, StandardStreams streams, ILogger logger)
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
        await streams.Output.WriteAsync(ReportSerializer.Serialize(report), cancellationToken).ConfigureAwait(false);
        await streams.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return collection.IsPartial ? ExitCodes.PartialReport : ExitCodes.Ok;
    }
}
