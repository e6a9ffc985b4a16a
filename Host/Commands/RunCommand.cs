using Pinger.Configuration;
using Pinger.Core.Config;
using Pinger.Core.Reporting;
using Pinger.Core.Windows;
using Pinger.Host.Delivery;
using Pinger.Host.Notices;
using Pinger.Host.State;
using Pinger.Plugins.Sdk;
using Pinger.Protocol.Reports;
using Serilog;

namespace Pinger.Host.Commands;

/// <summary>
/// <c>pinger run</c>, what the timer starts: when reporting is on and a window is due, collects the report and
/// sends it once, within the time budget. An unreachable server is not an error of the machine: the run ends
/// with status 0 and one clear log line, and the windows stay due for the next run.
/// </summary>
public sealed class RunCommand(
    ConfigLoader loader,
    ReportCollector collector,
    DiagnosticsPrinter diagnostics,
    StateStore stateStore,
    HistoryLog history,
    RootedMachineFiles files,
    FirstRunNotice notice,
    TimeProvider clock,
    Pinger.Core.PhaseTimings timings,
    ILogger logger)
{
    /// <summary>Runs the command; returns the exit status.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var preliminary = timings.Measure("read the level", () => loader.Load(KnownProbes.NotLoaded));
        if (preliminary.Config is { } early)
        {
            if (early.Level == MetricsLevel.Off)
            {
                diagnostics.Config(preliminary);
                logger.Information("reporting is off ({Reason}): nothing is collected or sent", early.LevelReason);
                return ExitCodes.Ok;
            }

            if (early.Server is null)
            {
                diagnostics.Config(preliminary);
                logger.Warning("no server is configured ([reporting] server): nothing is collected or sent");
                return ExitCodes.Ok;
            }
        }

        var now = clock.GetUtcNow();
        var loaded = timings.Measure("read state", () => stateStore.Load(now));
        if (loaded.Problem is not null)
        {
            logger.Warning("{Problem}", loaded.Problem);
        }

        var plan = timings.Measure("plan", () => ReportPlan.For(loaded.State, now, SystemEpoch.From(files)));
        if (preliminary.IsValid && !plan.IsDueNow)
        {
            logger.Information("already counted in the current day, week and month: the next report is due from {Next}", plan.Windows[0].Start);
            return SaveReplacedState(loaded) ? ExitCodes.Ok : ExitCodes.Failure;
        }

        // Built now, so that its start-up overlaps the probes; it connects once the whole config is accepted.
        using var sender = preliminary.Config is { Server: { } target } valid
            ? new ReportSender(new DeliverySettings(target, valid.SendBudget, valid.Proxy), clock)
            : null;

        // The nonce is on disk before anything leaves, so a lost answer never leads to a second count. Saved while
        // the probes run, it costs the report nothing; a nonce saved for a run that then sends nothing is harmless,
        // as it only ever goes with these windows. What the run writes after the send is prepared at the same time.
        var pending = loaded.State with { Pending = new PendingReport(plan.Nonce, plan.Windows) };
        var prepared = sender is null
            ? Task.FromResult(new Prepared(false, loaded.State, ""))
            : Task.Run(() => new Prepared(TrySave(pending, "nothing was sent"), loaded.State.WithCounted(plan.Windows), string.Join(", ", plan.Windows)));
        var collection = await collector.CollectAsync(cancellationToken, () =>
        {
            // The connection is opened early only once the nonce is safely on disk; on a disk too slow for that, the
            // report simply connects when it is sent.
            if (prepared.IsCompletedSuccessfully && prepared.Result.NonceOnDisk)
            {
                sender?.ConnectEarly();
            }
        }).ConfigureAwait(false);
        var (nonceOnDisk, counted, windows) = await timings.MeasureAsync("nonce on disk", () => prepared).ConfigureAwait(false);
        diagnostics.Config(collection.ConfigResult);
        if (collection.ConfigResult.Config is not { Server: { } server } config || collection.Report is null || sender is null)
        {
            return ExitCodes.InvalidConfig;
        }

        if (!nonceOnDisk)
        {
            return ExitCodes.Failure;
        }

        notice.ShowIfDue(config);
        diagnostics.Probes(collection);
        var report = timings.Measure("serialize", () => ReportWriter.Write(plan.Apply(collection.Report)));
        var runLog = logger.ForContext("Windows", windows);
        var outcome = await timings.MeasureAsync("send", () => sender.SendAsync(report, cancellationToken)).ConfigureAwait(false);

        // Closing the connection, saving the state and appending to the history are independent (two files, each
        // flushed to disk): done side by side.
        var closed = Task.Run(sender.Dispose);
        var recorded = Task.Run(() => Record(server, outcome, report));
        var next = outcome.Result == DeliveryResult.Deferred ? pending : counted;
        timings.Measure("save state", () => TrySave(next, "the report's nonce is kept, so the server will not count it twice"));
        await timings.MeasureAsync("append history, close", async () =>
        {
            await Task.WhenAll(recorded, closed).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
        switch (outcome.Result)
        {
            case DeliveryResult.Accepted:
                runLog.Information("report accepted by {Server} ({Answer}): counted for {Windows}", server.AbsoluteUri, outcome.Answer, windows);
                break;
            case DeliveryResult.Refused:
                runLog.Error("report refused by {Server} ({Answer}): dropped for {Windows}; see 'pinger history'", server.AbsoluteUri, outcome.Answer, windows);
                break;
            default:
                runLog.Warning("server {Server} not reached ({Answer}) after {Attempts} attempt(s): the report stays due for the next run", server.AbsoluteUri, outcome.Answer, outcome.Attempts);
                break;
        }

        return collection.IsPartial ? ExitCodes.PartialReport : ExitCodes.Ok;
    }

    /// <summary>What the run needs around the send that depends only on the plan.</summary>
    /// <param name="NonceOnDisk">Whether the pending report's nonce was saved.</param>
    /// <param name="Counted">The state once the report is accepted.</param>
    /// <param name="Windows">The windows, as the log names them.</param>
    private sealed record Prepared(bool NonceOnDisk, PingerState Counted, string Windows);

    private bool SaveReplacedState(StateLoad loaded) => loaded.Problem is null || TrySave(loaded.State, "the broken state file stays");

    private bool TrySave(PingerState state, string consequence)
    {
        try
        {
            stateStore.Save(state);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.Error("cannot write the state file {StateFile} ({Error}): {Consequence}", stateStore.FilePath, e.Message, consequence);
            return false;
        }
    }

    private void Record(Uri server, DeliveryOutcome outcome, byte[] report)
    {
        var now = clock.GetUtcNow();
        var entry = new HistoryEntry(
            new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
            server.AbsoluteUri,
            outcome.Result.ToString().ToLowerInvariant(),
            outcome.Answer,
            outcome.Attempts,
            System.Text.Encoding.UTF8.GetString(report));
        try
        {
            history.Append(entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.Error("cannot write the history {HistoryFile} ({Error})", history.FilePath, e.Message);
        }
    }
}
