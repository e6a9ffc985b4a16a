using Pinger.Core.Config;
using Pinger.Configuration;
using Pinger.Host.Cli;
using Pinger.Host.State;
using Pinger.Plugins.Sdk;
using Serilog;

namespace Pinger.Host.Commands;

/// <summary>
/// <c>pinger history</c>: the reports this machine actually sent, with when, where, the server's answer and, for a
/// refusal, the server's reason. With no history yet, it says so and why (reporting off, no server, no run yet).
/// </summary>
public sealed class HistoryCommand(HistoryLog history, ConfigLoader configLoader, StateStore stateStore, StandardStreams streams, ILogger logger)
{
    /// <summary>Runs the command; returns the exit status.</summary>
    public int Execute()
    {
        IReadOnlyList<HistoryEntry> entries;
        try
        {
            entries = history.Read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.Error("cannot read {HistoryFile} ({Error}); it is readable by root only", history.FilePath, e.Message);
            return ExitCodes.Failure;
        }

        using var output = streams.OutputText();
        if (entries.Count == 0)
        {
            output.WriteLine($"No report has been sent from this machine yet ({history.FilePath} holds none): {WhyNothingWasSent()}.");
            return ExitCodes.Ok;
        }

        foreach (var entry in entries)
        {
            output.WriteLine($"{entry.Time:yyyy-MM-ddTHH:mm:ssZ}  {entry.Outcome}  {entry.Answer}  ({entry.Attempts} attempt(s))  {entry.Server}");
            if (entry.Reason is { } reason)
            {
                output.WriteLine($"  reason: {reason}");
            }

            output.Write(entry.Report);
            output.WriteLine();
            if (entry.Waiting is { Count: > 0 } waiting)
            {
                output.WriteLine($"withheld as new: {string.Join(", ", waiting)}");
            }
        }

        return ExitCodes.Ok;
    }

    // The configuration as 'pinger run' reads it before loading any plugin, then what the state file tells.
    private string WhyNothingWasSent()
    {
        var config = ConfigLoader.Check(configLoader.Read(), KnownProbes.NotLoaded).Config;
        if (config is null)
        {
            return "the configuration is invalid, so 'pinger run' collects and sends nothing (see 'pinger check-config')";
        }

        if (config.Level == MetricsLevel.Off)
        {
            return $"reporting is off ({config.LevelReason})";
        }

        if (config.Server is null)
        {
            return "no server is configured ([reporting] server), so 'pinger run' sends nothing";
        }

        if (!File.Exists(stateStore.FilePath))
        {
            return $"'pinger run' has not run here yet (there is no {stateStore.FilePath}); pinger.timer starts it some time after boot ('systemctl list-timers pinger.timer' says when)";
        }

        return "'pinger run' has run, but its history was removed or could not be written (see its log: journalctl -u pinger.service)";
    }
}
