using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Pinger.Host.Logging;

/// <summary>
/// Chooses where logs go: the journal's native socket when systemd connected our output to the journal
/// (<c>JOURNAL_STREAM</c> is set and the socket exists), otherwise plain lines on standard error.
/// Standard output is never used for logs: it carries only the report.
/// </summary>
public static class LogSetup
{
    /// <summary>A logger for this process.</summary>
    public static Logger Create(bool verbose, TextWriter standardError, string journalSocket = JournalSink.DefaultSocketPath)
    {
        var level = verbose ? LogEventLevel.Debug : LogEventLevel.Information;
        var stderr = new TextWriterSink(standardError);
        var configuration = new LoggerConfiguration().MinimumLevel.Is(level);
        configuration.WriteTo.Sink(new RedactingSink(UseJournal(journalSocket) ? new JournalSink(journalSocket, stderr) : stderr));

        return configuration.CreateLogger();
    }

    private static bool UseJournal(string socket) =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("JOURNAL_STREAM")) && File.Exists(socket);
}
