using System.Collections.Concurrent;

namespace Pinger.Server.Campaigns.Tests.Infrastructure;

/// <summary>
/// What the load generator sent and what the server acknowledged (2xx), by nonce, across restarts; and every answer
/// it got, by status ("no answer" when the connection failed).
/// </summary>
internal sealed class ReportLedger
{
    private readonly ConcurrentDictionary<string, byte> _sent = new();
    private readonly ConcurrentDictionary<string, byte> _acknowledged = new();
    private readonly ConcurrentDictionary<string, int> _answers = new();
    private readonly List<string> _sentOrder = [];
    private readonly Lock _gate = new();
    private readonly List<(Func<bool> Condition, TaskCompletionSource Met)> _waiters = [];
    private int _unhintedRetries;

    public int Sent => _sent.Count;

    public int Acknowledged => _acknowledged.Count;

    /// <summary>503s and 429s that did not say when to retry.</summary>
    public int UnhintedRetries => _unhintedRetries;

    public IReadOnlyDictionary<string, int> Answers => new Dictionary<string, int>(_answers);

    public IReadOnlyList<string> SentNonces
    {
        get
        {
            lock (_gate)
            {
                return [.. _sentOrder];
            }
        }
    }

    public IReadOnlyList<string> AcknowledgedNonces => [.. _acknowledged.Keys];

    public int AnswersWith(string status) => _answers.GetValueOrDefault(status);

    /// <summary>A fresh nonce, or (with probability <paramref name="retryShare"/>) one sent before, as a client's retry.</summary>
    public string Next(Random random, double retryShare)
    {
        lock (_gate)
        {
            return _sentOrder.Count > 0 && random.NextDouble() < retryShare ? _sentOrder[random.Next(_sentOrder.Count)] : ReportBodies.NewNonce();
        }
    }

    public void MarkSent(string nonce)
    {
        if (_sent.TryAdd(nonce, 0))
        {
            lock (_gate)
            {
                _sentOrder.Add(nonce);
            }
        }
    }

    public void Record(string nonce, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        _answers.AddOrUpdate(status.ToString(System.Globalization.CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
        if (status is >= 200 and < 300)
        {
            _acknowledged.TryAdd(nonce, 0);
        }
        else if (status is 503 or 429 && response.Headers.RetryAfter is null)
        {
            Interlocked.Increment(ref _unhintedRetries);
        }

        Notify();
    }

    public void RecordNoAnswer()
    {
        _answers.AddOrUpdate("no answer", 1, (_, n) => n + 1);
        Notify();
    }

    /// <summary>Completes once <paramref name="condition"/> holds, checked as each answer is recorded: a signal, not a poll.</summary>
    public Task WhenAsync(Func<bool> condition)
    {
        var met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            _waiters.Add((condition, met));
        }

        Notify();
        return met.Task;
    }

    private void Notify()
    {
        lock (_waiters)
        {
            foreach (var waiter in _waiters.Where(w => w.Condition()).ToList())
            {
                waiter.Met.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Answers other than 204 and <paramref name="allowed"/>, for an assertion message.</summary>
    public string Unexpected(params string[] allowed) =>
        Figures.Distribution(Answers.Where(p => p.Key != "204" && !allowed.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value));
}
