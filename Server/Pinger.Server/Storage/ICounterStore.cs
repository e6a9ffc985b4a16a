using Pinger.Protocol.Windows;
using Pinger.Server.Countme;

namespace Pinger.Server.Storage;

/// <summary>
/// Everything the server keeps, behind one small contract so that a back end is a single class: counters go in
/// through <see cref="Commit"/> (one durable transaction per batch) and <see cref="Import"/>, leave through
/// <see cref="Prune"/> (retention), and come out
/// aggregated, unsuppressed, to Publishing's one read path. A store keeps counters, the nonces of open windows, the
/// digests of imported files and the public releases of closed windows, and nothing else.
/// </summary>
public interface ICounterStore : IDisposable
{
    /// <summary>Creates or migrates the schema; throws when the storage cannot be used.</summary>
    void Open();

    /// <summary>
    /// Counts a batch in one transaction and returns once it is durable. A report whose nonce was already seen in a
    /// window is not counted again there. Throws <see cref="StorageUnavailableException"/> when nothing was committed.
    /// </summary>
    CommitOutcome Commit(CommitBatch batch);

    /// <summary>
    /// Deletes every counter of the windows that start before their kind's date in <paramref name="oldestKept"/>, in one
    /// transaction, and returns how many rows went. Throws <see cref="StorageUnavailableException"/> when nothing was deleted.
    /// </summary>
    int Prune(IReadOnlyDictionary<WindowKind, DateOnly> oldestKept);

    /// <summary>Adds imported weekly totals unless a file with the same digest was imported before; returns whether it added them.</summary>
    bool Import(string contentSha256, IReadOnlyDictionary<CountmeTotalsKey, long> totals);

    /// <summary>Counters matching <paramref name="query"/>, unsuppressed: publishing decides what is shown.</summary>
    TotalsSnapshot ReadTotals(TotalsQuery query);

    /// <summary>The weekly countme totals (metalink hits and imports) from <paramref name="fromWeek"/> to <paramref name="toWeek"/> inclusive.</summary>
    IReadOnlyList<CountmeTotal> ReadCountme(DateOnly fromWeek, DateOnly toWeek);

    /// <summary>The public release kept for <paramref name="window"/>, or null when none was computed yet.</summary>
    StoredRelease? ReadRelease(CountingWindow window);

    /// <summary>
    /// Keeps <paramref name="release"/> unless one is kept for its window already, and returns the one kept: when
    /// several servers compute a window's release at once, exactly one is stored and all of them serve it.
    /// </summary>
    StoredRelease KeepRelease(StoredRelease release);

    /// <summary>Throws when the storage cannot be read now (for /readyz).</summary>
    void Check();
}
