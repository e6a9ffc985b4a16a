using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Pinger.Server.Tests.Infrastructure;

/// <summary>Keeps every log line the server writes, with its exception, so tests can read them.</summary>
internal sealed class CollectingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, _lines);

    public void Dispose()
    {
    }
}
