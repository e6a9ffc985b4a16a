using Microsoft.Extensions.Logging;

namespace Pinger.Server.Tests.Infrastructure;

/// <summary>One category's logger of <see cref="CollectingLoggerProvider"/>: every line, formatted, with its exception.</summary>
internal sealed class CollectingLogger(string category, Action<string> add) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        add($"{logLevel} {category}: {formatter(state, exception)} {exception}");
}
