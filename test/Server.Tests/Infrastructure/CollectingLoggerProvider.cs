using Microsoft.Extensions.Logging;

namespace Pinger.Server.Tests.Infrastructure;

/// <summary>
/// Keeps every log line the server writes, with its exception, so tests can read them, and signals a test waiting for
/// a line (a log line is the server's own word that something happened; no polling).
/// </summary>
internal sealed class CollectingLoggerProvider : ILoggerProvider
{
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToArray();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, Add);

    /// <summary>The first line from the <paramref name="from"/>th on, already written or to come, that <paramref name="match"/> accepts.</summary>
    public Task<string> LineAsync(Func<string, bool> match, int from = 0)
    {
        lock (_lines)
        {
            if (_lines.Skip(from).FirstOrDefault(match) is { } written)
            {
                return Task.FromResult(written);
            }

            var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, seen));
            return seen.Task;
        }
    }

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                waiter.Seen.TrySetResult(line);
                _waiters.Remove(waiter);
            }
        }
    }
}
