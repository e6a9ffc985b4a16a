using Pinger.Server.Countme;
using Pinger.Server.Storage;

namespace Pinger.Server.Ingest;

/// <summary>One request waiting for the commit that makes it durable: a report or a countme hit, and the task its request awaits.</summary>
public sealed class PendingWrite(CountedReport? report, CountmeTotalsKey? countmeHit)
{
    /// <summary>The report to count, if this is a report.</summary>
    public CountedReport? Report { get; } = report;

    /// <summary>The weekly key to count, if this is a metalink or mirrorlist hit.</summary>
    public CountmeTotalsKey? CountmeHit { get; } = countmeHit;

    /// <summary>Completes when the batch holding this write is committed; fails when it could not be.</summary>
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
