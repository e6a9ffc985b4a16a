using Pinger.Server.Storage;

namespace Pinger.Server.Dashboard;

/// <summary>
/// Machines per window from the reports' published marginals: a bar stacks the released cells of the marginal the
/// breakdown names (the OS release, the edition, the stream, the platform or the age bucket), each one noisy draw. The countme-tuple cells
/// are not summed for it: many small noisy cells add up their noise and lose the withheld ones. A bar is therefore
/// the sum of released cells, and values withheld as too small are in no bar.
/// </summary>
public static class ReportSeries
{
    /// <summary>
    /// The chart for <paramref name="published"/>, already released, over <paramref name="range"/>; <paramref name="osId"/>
    /// is the one distribution of the range, if there is one (it names the releases).
    /// </summary>
    public static TimeSeries Build(TotalsSnapshot published, WindowRange range, Breakdown breakdown, DateOnly currentWindow, string? osId)
    {
        var windows = range.Windows;
        var index = windows.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i);
        var marginal = Breakdowns.FieldOf(breakdown);
        var bySeries = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var cell in published.Cells.Where(c => c.Field == marginal && c.Window.Kind == range.Kind && index.ContainsKey(c.Window.Start)))
        {
            var label = Breakdowns.LabelOf(breakdown, cell.Value, osId);
            if (!bySeries.TryGetValue(label, out var counts))
            {
                bySeries[label] = counts = new long[windows.Count];
            }

            counts[index[cell.Window.Start]] += cell.Count;
        }

        var provisional = index.ContainsKey(currentWindow) ? currentWindow : (DateOnly?)null;
        return new TimeSeries(range.Kind, windows, SeriesFolding.Fold(bySeries, new long[windows.Count], breakdown), provisional);
    }
}
