using System.Threading.Channels;
using Pinger.Server.Countme;
using Pinger.Server.Storage;

namespace Pinger.Server.Ingest;

/// <summary>
/// The bounded hand-off between requests and the single writer. Bounded so that a slow disk turns into quick 503s
/// with Retry-After instead of unbounded memory and timeouts.
/// </summary>
public sealed class IngestQueue(int capacity)
{
    private readonly Channel<PendingWrite> _channel = Channel.CreateBounded<PendingWrite>(
        new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Writes waiting for a commit.</summary>
    public int Depth => _channel.Reader.Count;

    /// <summary>The writer's end.</summary>
    public ChannelReader<PendingWrite> Reader => _channel.Reader;

    /// <summary>Queues a report; null when the queue is full or closed (the caller answers 503).</summary>
    public Task? TryEnqueue(CountedReport report) => TryEnqueue(new PendingWrite(report, null));

    /// <summary>Queues a countme hit; null when the queue is full or closed.</summary>
    public Task? TryEnqueue(CountmeTotalsKey hit) => TryEnqueue(new PendingWrite(null, hit));

    /// <summary>Accepts nothing more; the writer drains what is queued, then stops.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    private Task? TryEnqueue(PendingWrite write) => _channel.Writer.TryWrite(write) ? write.Done.Task : null;
}
