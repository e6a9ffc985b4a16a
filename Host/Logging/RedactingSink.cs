using Pinger.Configuration;
using Serilog.Core;
using Serilog.Events;

namespace Pinger.Host.Logging;

/// <summary>
/// Hides URL credentials (<see cref="CredentialRedactor"/>) in every text property and exception of a log event
/// before <paramref name="inner"/> writes it: a proxy password must never reach the journal, whichever message or
/// library exception happens to quote it.
/// </summary>
public sealed class RedactingSink(ILogEventSink inner) : ILogEventSink
{
    /// <inheritdoc />
    public void Emit(LogEvent logEvent)
    {
        var properties = logEvent.Properties.Select(p => new LogEventProperty(p.Key, Redact(p.Value)));
        var exception = logEvent.Exception is { } e ? new RedactedException(e) : null;
        inner.Emit(new LogEvent(logEvent.Timestamp, logEvent.Level, exception, logEvent.MessageTemplate, properties));
    }

    private static LogEventPropertyValue Redact(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } => new ScalarValue(CredentialRedactor.Redact(text)),
        ScalarValue { Value: Uri uri } => new ScalarValue(CredentialRedactor.Redact(uri.ToString())),
        SequenceValue sequence => new SequenceValue(sequence.Elements.Select(Redact)),
        StructureValue structure => new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Redact(p.Value))), structure.TypeTag),
        DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(kv => new KeyValuePair<ScalarValue, LogEventPropertyValue>(kv.Key, Redact(kv.Value)))),
        _ => value,
    };
}
