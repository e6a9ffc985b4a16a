using Pinger.Protocol.Windows;
using Pinger.Server.Countme;

namespace Pinger.Server.Storage;

/// <summary>What one transaction adds: reports, countme hits from /metalink and /mirrorlist, and which windows are closed.</summary>
/// <param name="Reports">Valid reports, each with its nonce.</param>
/// <param name="CountmeHits">One weekly key per counted metalink or mirrorlist request.</param>
/// <param name="OldestOpen">Per window kind, the oldest window still open: nonces of older windows are deleted.</param>
public sealed record CommitBatch(
    IReadOnlyList<CountedReport> Reports,
    IReadOnlyList<CountmeTotalsKey> CountmeHits,
    IReadOnlyDictionary<WindowKind, DateOnly> OldestOpen);
