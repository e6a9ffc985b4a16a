using Pinger.Core.Config;
using Pinger.Core.Reporting;
using Pinger.Core.Windows;
using Pinger.Host.Delivery;
using Pinger.Host.Notices;
using Pinger.Host.State;
using Pinger.Plugins.Sdk;
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
        var preliminary = loader.Load(KnownProbes.NotLoaded);
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
        var loaded = stateStore.Load(now);
        if (loaded.Problem is not null)
        {
            logger.Warning("{Problem}", loaded.Problem);
        }

        var plan = ReportPlan.For(loaded.State, now, SystemEpoch.From(files));
        if (preliminary.IsValid && !plan.IsDueNow)
        {
            logger.Information("already counted in the current day, week and month: the next report is due from {Next}", plan.Windows[0].Start);
            return SaveReplacedState(loaded) ? ExitCodes.Ok : ExitCodes.Failure;
        }

        // Built now, so that its start-up overlaps the probes; it sends nothing until asked.
        using var sender = preliminary.Config is { Server: { } target } valid
            ? new ReportSender(new DeliverySettings(target, valid.SendBudget, valid.Proxy), clock)
            : null;
        var collection = await collector.CollectAsync(cancellationToken).ConfigureAwait(false);
        diagnostics.Config(collection.ConfigResult);
        if (collection.ConfigResult.Config is not { Server: { } server } config || collection.Report is null || sender is null)
        {
            return ExitCodes.InvalidConfig;
        }

        notice.ShowIfDue(config);
        diagnostics.Probes(collection);
        var report = ReportSerializer.Serialize(plan.Apply(collection.Report));
        var windows = string.Join(", ", plan.Windows);
        var runLog = logger.ForContext("Windows", windows);

        // The nonce is on disk before anything leaves: a lost answer then never leads to a second count.
        if (!timings.Measure("save the nonce", () => TrySave(loaded.State with { Pending = new PendingReport(plan.Nonce, plan.Windows) }, "nothing was sent")))
        {
            return ExitCodes.Failure;
        }

        var outcome = await timings.MeasureAsync("send", () => sender.SendAsync(report, cancellationToken)).ConfigureAwait(false);
        var next = outcome.Result == DeliveryResult.Deferred ? loaded.State with { Pending = new PendingReport(plan.Nonce, plan.Windows) } : loaded.State.WithCounted(plan.Windows);
        timings.Measure("save state", () => TrySave(next, "the report's nonce is kept, so the server will not count it twice"));
        timings.Measure("append history", () =>
        {
            Record(server, outcome, report);
            return true;
        });
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
