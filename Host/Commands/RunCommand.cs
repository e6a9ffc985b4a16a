using Pinger.Configuration;
using Pinger.Core;
using Pinger.Core.Reporting;
using Pinger.Host.Delivery;
using Pinger.Host.Notices;
using Pinger.Host.State;
using Serilog;

namespace Pinger.Host.Commands;

/// <summary>
/// <c>pinger run</c>, what the timer starts: when reporting is on and a window is due, builds the report with the
/// <see cref="ReportPipeline"/> and sends it once, within the time budget. An unreachable server is not an error of
/// the machine: the run ends with status 0 and one clear log line, and the windows stay due for the next run. Only an
/// accepted report counts its windows; a refused one is logged with the server's reason and stays due too.
/// </summary>
public sealed class RunCommand(
    ReportPipeline pipeline,
    DiagnosticsPrinter diagnostics,
    StateStore stateStore,
    HistoryLog history,
    FirstRunNotice notice,
    TimeProvider clock,
    ILogger logger)
{
    /// <summary>Runs the command; returns the exit status.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        StateLoad? loaded = null;
        var build = await pipeline.BuildAsync(ReportPurpose.Send, now => (loaded = LoadState(now)).State, cancellationToken).ConfigureAwait(false);
        if (build.Status == ReportBuildStatus.AlreadyCounted)
        {
            // The timer's most frequent case: quiet, with no config warnings repeated every few hours.
            logger.Information("already counted in the current day, week and month: the next report is due from {Next}", build.Plan!.Windows[0].Start);
            return loaded!.Problem is null || TrySave(loaded.State, "the broken state file stays") ? ExitCodes.Ok : ExitCodes.Failure;
        }

        diagnostics.Config(build.ConfigResult);
        switch (build.Status)
        {
            case ReportBuildStatus.ReportingOff:
                logger.Information("reporting is off ({Reason}): nothing is collected or sent", build.ConfigResult.Config!.LevelReason);
                return ExitCodes.Ok;
            case ReportBuildStatus.NoServer:
                logger.Warning("no server is configured ([reporting] server): nothing is collected or sent");
                return ExitCodes.Ok;
        }

        if (build is not { Report: { } report, Plan: { } plan, State: { } state, ConfigResult.Config: { Server: { } server } config })
        {
            return ExitCodes.InvalidConfig;
        }

        // The nonce is on disk before anything leaves, so a lost answer never leads to a second count: a retry of
        // these windows sends the same nonce, which the server counts once.
        var pending = state with { Pending = new PendingReport(plan.Nonce, plan.Windows), Fields = build.NewFields?.Seen ?? state.Fields };
        if (!TrySave(pending, "nothing was sent"))
        {
            return ExitCodes.Failure;
        }

        notice.ShowIfDue(config);
        AnnounceNewFields(build.NewFields?.FirstSeen ?? []);
        diagnostics.Probes(build);
        var windows = string.Join(", ", plan.Windows);
        DeliveryOutcome outcome;
        using (PhaseTimings.Start("send"))
        using (var sender = new ReportSender(new DeliverySettings(server, config.SendBudget, config.Proxy), clock))
        {
            outcome = await sender.SendAsync(report, cancellationToken).ConfigureAwait(false);
        }

        using (PhaseTimings.Start("save state, append history"))
        {
            // Only an accepted report is counted. A refused one stays due with its nonce, as an unanswered one does: a
            // server that lacked a probe in its registry then counts the machine once it knows the probe.
            var next = outcome.Result == DeliveryResult.Accepted ? pending.WithCounted(plan.Windows) : pending;
            TrySave(next, "the report's nonce is kept, so the server will not count it twice");
            Record(server, outcome, report, build.NewFields?.Waiting ?? []);
        }

        var runLog = logger.ForContext("Windows", windows);
        switch (outcome.Result)
        {
            case DeliveryResult.Accepted:
                runLog.Information("report accepted by {Server} ({Answer}): counted for {Windows}", server.AbsoluteUri, outcome.Answer, windows);
                if (outcome.IgnoredProbes.Count > 0)
                {
                    runLog.Warning("the server does not know the probe(s) {IgnoredProbes}: their fields were left out of the count (never stored); the rest was counted. Its admin installs their schema files (see the server's docs)",
                        string.Join(", ", outcome.IgnoredProbes));
                }

                break;
            case DeliveryResult.Refused:
                runLog.Error("report refused by {Server} ({Answer}): {Reason}; not counted for {Windows}, which stay due for the next run; see 'pinger history'",
                    server.AbsoluteUri, outcome.Answer, outcome.Reason ?? "the server gave no reason", windows);
                break;
            default:
                runLog.Warning("server {Server} not reached ({Answer}) after {Attempts} attempt(s) and {Waited} s of waiting between them: the report stays due for the next run",
                    server.AbsoluteUri, outcome.Answer, outcome.Attempts, Math.Round(outcome.Waited.TotalSeconds, 1));
                break;
        }

        return build.IsPartial ? ExitCodes.PartialReport : ExitCodes.Ok;
    }

    private StateLoad LoadState(DateTimeOffset now)
    {
        var loaded = stateStore.Load(now);
        if (loaded.Problem is not null)
        {
            logger.Warning("{Problem}", loaded.Problem);
        }

        return loaded;
    }

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

    // Once, on the run that first sees them: which fields, what for, until when, and how to keep them from being sent.
    private void AnnounceNewFields(IReadOnlyList<WaitingField> fields)
    {
        if (fields.Count == 0)
        {
            return;
        }

        var named = string.Join("; ", fields.Select(f => $"{f.Key} ({f.Field.Description.TrimEnd('.')})"));
        var probes = string.Join(", ", fields.Select(f => $"[probes.{f.ProbeId}] enabled = false").Distinct(StringComparer.Ordinal));
        logger.Warning(
            "new report fields at this machine's level, withheld until {SendableFrom:yyyy-MM-ddTHH:mm:ssZ} and sent from then on: {Fields}. " +
            "To keep them from being sent, set {Disable} (or a lower [reporting] level) in /etc/pinger/config.d/; 'pinger history' lists them",
            fields.Max(f => f.SendableFrom), named, probes);
    }

    private void Record(Uri server, DeliveryOutcome outcome, byte[] report, IReadOnlyList<WaitingField> waiting)
    {
        var now = clock.GetUtcNow();
        var entry = new HistoryEntry(
            new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
            server.AbsoluteUri,
            outcome.Result.ToString().ToLowerInvariant(),
            CredentialRedactor.Redact(outcome.Answer),
            outcome.Attempts,
            System.Text.Encoding.UTF8.GetString(report),
            outcome.Reason)
        {
            Waiting = waiting.Count == 0 ? null : waiting.Select(f => $"{f.Key} until {f.SendableFrom.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}").ToArray(),
        };
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
