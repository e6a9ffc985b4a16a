using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pinger.Protocol.Windows;
using Pinger.Server.Operations;
using Pinger.Server.Storage;

namespace Pinger.Server.Ingest;

/// <summary>
/// The only writer: it takes every write waiting in the queue (up to a batch limit), commits them in one
/// transaction, and only then completes their requests. One fsync thus acknowledges many reports. On shutdown it
/// drains the queue, so every request that was acknowledged, and every one still waiting, is committed.
/// </summary>
public sealed partial class CommitLoop(
    IngestQueue queue, ICounterStore store, ServerMetrics metrics, TimeProvider clock, TimeSpan clockSkew, ILogger<CommitLoop> logger)
    : BackgroundService
{
    private const int MaxBatch = 2000;

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not cancelled by stoppingToken: the loop ends when the queue is completed and empty.
        var batch = new List<PendingWrite>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            metrics.QueueDepth.Set(queue.Depth);
            CommitOne(batch);
            batch.Clear();
        }
    }

    private void CommitOne(List<PendingWrite> writes)
    {
        var now = clock.GetUtcNow();
        var batch = new CommitBatch(
            writes.Select(w => w.Report).OfType<CountedReport>().ToArray(),
            writes.Select(w => w.CountmeHit).OfType<Countme.CountmeTotalsKey>().ToArray(),
            CountingCalendar.Kinds.ToDictionary(k => k, k => CountingCalendar.OldestOpen(k, now, clockSkew)));
        var started = Stopwatch.GetTimestamp();
        try
        {
            var outcome = store.Commit(batch);
            metrics.CommitSeconds.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
            metrics.ValuesOverCap.Inc(outcome.OverCap);
            foreach (var write in writes)
            {
                write.Done.TrySetResult();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever went wrong, the loop goes on: these clients are told to retry, the next batch may succeed.
            var failure = e as StorageUnavailableException ?? new StorageUnavailableException("the commit failed: " + e.GetType().Name, e);
            metrics.CommitFailures.Inc();
            LogCommitFailed(writes.Count, failure.Message);
            foreach (var write in writes)
            {
                write.Done.TrySetException(failure);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} writes could not be committed; their clients were told to retry: {Problem}")]
    private partial void LogCommitFailed(int count, string problem);
}
