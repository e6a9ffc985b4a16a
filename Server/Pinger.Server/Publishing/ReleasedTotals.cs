using Pinger.Server.Storage;

namespace Pinger.Server.Publishing;

/// <summary>The counters of one totals query as a release rule lets them be shown.</summary>
/// <param name="Counts">The reports, field values and countme tuples per window that may be shown.</param>
/// <param name="Epsilon">The per-window ε they were released under, null when they are exact (the admin API).</param>
public sealed record ReleasedTotals(TotalsSnapshot Counts, decimal? Epsilon);
