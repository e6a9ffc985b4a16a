using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Pinger.Host.Logging;

/// <summary>Plain log lines on a text writer (standard error), one per event.</summary>
public sealed class TextWriterSink(TextWriter writer) : ILogEventSink
{
    private readonly MessageTemplateTextFormatter _formatter =
        new("{Message:lj}{NewLine}{Exception}", System.Globalization.CultureInfo.InvariantCulture);

    private readonly Lock _gate = new();

    /// <inheritdoc />
    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            writer.Write($"pinger: {LogPriority.NameOf(logEvent)}: ");
            _formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }
}
