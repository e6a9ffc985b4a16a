using Pinger.Protocol.Windows;
using Pinger.Server.Countme;
using Pinger.Server.Storage;

namespace Pinger.Server.Tests.Infrastructure;

/// <summary>A real store whose commits can be held at a gate or made to fail, to reach the queue-full and storage-down paths.</summary>
internal sealed class GatedStore(ICounterStore inner) : ICounterStore
{
    private readonly ManualResetEventSlim _gate = new(initialState: true);

    public SemaphoreSlim CommitEntered { get; } = new(0);

    public bool Failing { get; set; }

    public void Hold() => _gate.Reset();

    public void Open() => inner.Open();

    public void Release() => _gate.Set();

    public CommitOutcome Commit(CommitBatch batch)
    {
        CommitEntered.Release();
        // A hang guard: a test that never opens the gate fails here rather than letting the commit through.
        if (!_gate.Wait(TimeSpan.FromMinutes(2)))
        {
            throw new TimeoutException("the test held the store's gate for 2 minutes without releasing it");
        }

        return Failing ? throw new StorageUnavailableException("the test made storage fail") : inner.Commit(batch);
    }

    public int Prune(IReadOnlyDictionary<WindowKind, DateOnly> oldestKept) =>
        Failing ? throw new StorageUnavailableException("the test made storage fail") : inner.Prune(oldestKept);

    public bool Import(string contentSha256, IReadOnlyDictionary<CountmeTotalsKey, long> totals) => inner.Import(contentSha256, totals);

    public TotalsSnapshot ReadTotals(TotalsQuery query) =>
        Failing ? throw new StorageUnavailableException("the test made storage fail") : inner.ReadTotals(query);

    public IReadOnlyList<CountmeTotal> ReadCountme(DateOnly fromWeek, DateOnly toWeek) => inner.ReadCountme(fromWeek, toWeek);

    public StoredRelease? ReadRelease(CountingWindow window) =>
        Failing ? throw new StorageUnavailableException("the test made storage fail") : inner.ReadRelease(window);

    public StoredRelease KeepRelease(StoredRelease release) => inner.KeepRelease(release);

    public void Check()
    {
        if (Failing)
        {
            throw new StorageUnavailableException("the test made storage fail");
        }

        inner.Check();
    }

    public void Dispose()
    {
        _gate.Set();
        inner.Dispose();
    }
}
