using Pinger.Server.Storage;

namespace Pinger.Server.Publishing;

/// <summary>
/// The k rule for public output: a cell counted fewer than k times is withheld. Withholding one cell alone is not
/// enough when the others and a total are published (the hidden one is the difference), so when a group (one field
/// in one window) has exactly one withheld cell, its smallest published cell is withheld as well.
/// </summary>
public static class CellSuppression
{
    /// <summary>What the public may see of <paramref name="snapshot"/> with threshold <paramref name="k"/>.</summary>
    public static TotalsSnapshot Apply(TotalsSnapshot snapshot, long k) => new(
        snapshot.Reports.Where(r => r.Reports >= k).ToArray(),
        Suppress(snapshot.Cells, c => (c.Window, c.Field), c => c.Count, k),
        Suppress(snapshot.Systems, s => s.Window, s => s.Count, k));

    /// <summary>Applies the rule to rows grouped by <paramref name="group"/>.</summary>
    public static IReadOnlyList<T> Suppress<T, TGroup>(IEnumerable<T> rows, Func<T, TGroup> group, Func<T, long> count, long k) =>
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
