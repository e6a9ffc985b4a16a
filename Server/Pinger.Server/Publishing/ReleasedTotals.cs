using Pinger.Server.Storage;

namespace Pinger.Server.Publishing;

/// <summary>The counters of one totals query as a release rule lets them be shown.</summary>
/// <param name="Counts">The reports, field values and countme tuples per window that may be shown.</param>
/// <param name="MinCount">The k that withheld the rest, null when nothing was withheld (the admin API).</param>
public sealed record ReleasedTotals(TotalsSnapshot Counts, long? MinCount);
