using Pinger.Protocol.Windows;
using Pinger.Server.Storage;

namespace Pinger.Server.Dashboard;

/// <summary>
/// Machines per week from Fedora's countme totals (imported files and counted metalink requests), as published
/// by /v1/countme/totals.csv. Countme counts one hit per machine and repository, so a machine with three
/// repositories is in three rows that differ only in the repository: per system description the page takes the
/// row with most hits, which counts every such machine once. Countme totals are exact, for complete weeks only.
/// </summary>
public static class CountmeSeries
{
    /// <summary>The chart for <paramref name="published"/>, as released, over the weeks <paramref name="weeks"/>.</summary>
    public static TimeSeries Build(IReadOnlyList<CountmeTotal> published, IReadOnlyList<DateOnly> weeks, Breakdown breakdown, DateOnly currentWeek)
    {
        var index = weeks.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i);
        var machines = published
            .Where(r => index.ContainsKey(r.Key.WeekStart))
            .GroupBy(r => r.Key with { RepoTag = string.Empty, RepoArch = string.Empty })
            .Select(g => (g.Key, Machines: g.Max(r => r.Hits)));

        var bySeries = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var (key, count) in machines)
        {
            var label = Breakdowns.LabelOf(breakdown, key);
            if (!bySeries.TryGetValue(label, out var counts))
            {
                bySeries[label] = counts = new long[weeks.Count];
            }

            counts[index[key.WeekStart]] += count;
        }

        var provisional = index.ContainsKey(currentWeek) ? currentWeek : (DateOnly?)null;
        return new TimeSeries(WindowKind.Week, weeks, SeriesFolding.Fold(bySeries, new long[weeks.Count], Breakdowns.CountmeBreakdown(breakdown)), provisional);
    }
}
