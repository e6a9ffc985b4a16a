using Pinger.Host.Cli;
using Pinger.Host.State;
using Serilog;

namespace Pinger.Host.Commands;

/// <summary><c>pinger history</c>: the reports this machine actually sent, with when, where, and the server's answer.</summary>
public sealed class HistoryCommand(HistoryLog history, StandardStreams streams, ILogger logger)
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
            output.WriteLine($"No report has been sent from this machine ({history.FilePath}).");
            return ExitCodes.Ok;
        }

        foreach (var entry in entries)
        {
            output.WriteLine($"{entry.Time:yyyy-MM-ddTHH:mm:ssZ}  {entry.Outcome}  {entry.Answer}  ({entry.Attempts} attempt(s))  {entry.Server}");
            output.Write(entry.Report);
            output.WriteLine();
            if (entry.Waiting is { Count: > 0 } waiting)
            {
                output.WriteLine($"withheld as new: {string.Join(", ", waiting)}");
            }
        }

        return ExitCodes.Ok;
    }
}
