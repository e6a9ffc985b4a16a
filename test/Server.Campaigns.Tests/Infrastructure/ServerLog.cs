namespace Pinger.Server.Campaigns.Tests.Infrastructure;

/// <summary>
/// Every line the server wrote to stdout or stderr, across restarts; a test can wait for a line (the server's own
/// word that something happened) instead of polling.
/// </summary>
internal sealed class ServerLog
{
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public void Add(string line)
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

    /// <summary>The first line, already written or to come, that <paramref name="match"/> accepts.</summary>
    public Task<string> LineAsync(Func<string, bool> match)
    {
        lock (_lines)
        {
            if (_lines.FirstOrDefault(match) is { } written)
            {
                return Task.FromResult(written);
            }

            var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, seen));
            return seen.Task;
        }
    }

    /// <summary>The last lines, for a failure message.</summary>
    public string Tail(int count = 20) => string.Join('\n', Lines.TakeLast(count));
}
