using Pinger.Server.Storage;

namespace Pinger.Server.Publishing;

/// <summary>
/// The k rule for public output: a cell counted fewer than k times is withheld. Withholding one cell alone is not
/// enough when the others and a total are published (the hidden one is the difference), so when a group (one field
/// in one window, the countme tuples of one window, the countme rows of one week) has exactly one withheld cell,
/// its smallest published cell is withheld as well. A window's report count is a cell of its own.
/// </summary>
/// <param name="k">The threshold (<c>publishing.min_count</c>).</param>
public sealed class CellSuppression(long k) : IReleaseRule
{
    /// <inheritdoc/>
    public long? MinCount => k;

    /// <inheritdoc/>
    public TotalsSnapshot Release(TotalsSnapshot counted) => new(
        counted.Reports.Where(r => r.Reports >= k).ToArray(),
        Suppress(counted.Cells, c => (c.Window, c.Field), c => c.Count),
        Suppress(counted.Systems, s => s.Window, s => s.Count));

    /// <inheritdoc/>
    public IReadOnlyList<CountmeTotal> Release(IReadOnlyList<CountmeTotal> counted) =>
        Suppress(counted, r => r.Key.WeekStart, r => r.Hits);

    private IReadOnlyList<T> Suppress<T, TGroup>(IEnumerable<T> rows, Func<T, TGroup> group, Func<T, long> count) =>
        rows.GroupBy(group).SelectMany(cells =>
        {
            var shown = cells.Where(c => count(c) >= k).ToList();
            if (cells.Count() - shown.Count == 1 && shown.Count > 0)
            {
                shown.Remove(shown.MinBy(count)!);
            }

            return shown;
        }).ToArray();
}
