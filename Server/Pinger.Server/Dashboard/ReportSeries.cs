using Pinger.Server.Storage;

namespace Pinger.Server.Dashboard;

/// <summary>
/// Machines per window from the reports' published counters: a bar is the window's report count, split by the
/// countme tuples (the <c>systems</c> of /v1/totals) that were published; tuples withheld below k stay in "other".
/// </summary>
public static class ReportSeries
{
    /// <summary>The chart for <paramref name="published"/>, already suppressed, over <paramref name="range"/>.</summary>
    public static TimeSeries Build(TotalsSnapshot published, WindowRange range, Breakdown breakdown, DateOnly currentWindow)
    {
        var windows = range.Windows;
        var index = windows.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i);
        var totals = new long[windows.Count];
        var known = new bool[windows.Count];
        foreach (var row in published.Reports.Where(r => r.Window.Kind == range.Kind && index.ContainsKey(r.Window.Start)))
        {
            totals[index[row.Window.Start]] = row.Reports;
            known[index[row.Window.Start]] = true;
        }

        var bySeries = new Dictionary<string, long[]>(StringComparer.Ordinal);
        var attributed = new long[windows.Count];
        foreach (var row in published.Systems.Where(s => s.Window.Kind == range.Kind && index.ContainsKey(s.Window.Start)))
        {
            var i = index[row.Window.Start];
            if (!known[i])
            {
                continue;
            }

            var label = Breakdowns.LabelOf(breakdown, row.System);
            if (!bySeries.TryGetValue(label, out var counts))
            {
                bySeries[label] = counts = new long[windows.Count];
            }

            counts[i] += row.Count;
            attributed[i] += row.Count;
        }

        // Every report has exactly one tuple, so what the published tuples leave of the total is withheld tuples.
        var unattributed = totals.Select((total, i) => Math.Max(0, total - attributed[i])).ToArray();
        var provisional = index.ContainsKey(currentWindow) ? currentWindow : (DateOnly?)null;
        return new TimeSeries(range.Kind, windows, SeriesFolding.Fold(bySeries, unattributed, breakdown), provisional);
    }
}
