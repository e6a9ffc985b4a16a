using System.Collections.Concurrent;

namespace Pinger.Server.Campaigns.Tests.Infrastructure;

/// <summary>Every line the server wrote to stdout or stderr, across restarts.</summary>
internal sealed class ServerLog
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public void Add(string line) => _lines.Enqueue(line);

    /// <summary>The last lines, for a failure message.</summary>
    public string Tail(int count = 20) => string.Join('\n', Lines.TakeLast(count));
}
