using Pinger.Protocol.Windows;
using Pinger.Server.Countme;

namespace Pinger.Server.Storage;

/// <summary>What one transaction adds: reports, countme hits from /metalink and /mirrorlist, and which windows are closed.</summary>
/// <param name="Reports">Valid reports, each with its nonce.</param>
/// <param name="CountmeHits">One weekly key per counted metalink or mirrorlist request.</param>
/// <param name="OldestOpen">Per window kind, the oldest window still open: nonces of older windows are deleted.</param>
/// <param name="OldestKept">
/// Per window kind, the oldest window start the retention policy keeps: every counter of an older window is deleted in
/// the same transaction. Empty (the default) deletes nothing.
/// </param>
public sealed record CommitBatch(
    IReadOnlyList<CountedReport> Reports,
    IReadOnlyList<CountmeTotalsKey> CountmeHits,
    IReadOnlyDictionary<WindowKind, DateOnly> OldestOpen,
    IReadOnlyDictionary<WindowKind, DateOnly>? OldestKept = null);
