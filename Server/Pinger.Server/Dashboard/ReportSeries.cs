using Pinger.Server.Publishing;
using Pinger.Server.Storage;

namespace Pinger.Server.Dashboard;

/// <summary>
/// Machines per window from the reports' published marginals: a bar stacks the released cells of the marginal the
/// breakdown names (the OS release, the platform or the age bucket), each one noisy draw. The countme-tuple cells
/// are not summed for it: many small noisy cells add up their noise and lose the withheld ones. A bar is therefore
/// the sum of released cells, and values withheld as too small are in no bar.
/// </summary>
public static class ReportSeries
{
    /// <summary>The release a breakdown reads.</summary>
    public static string MarginalOf(Breakdown breakdown) => breakdown switch
    {
        Breakdown.Version => PrivacyBudget.OsReleaseField,
        Breakdown.Platform => PrivacyBudget.PlatformField,
        _ => PrivacyBudget.AgePart,
    };

    /// <summary>The chart for <paramref name="published"/>, already released, over <paramref name="range"/>.</summary>
    public static TimeSeries Build(TotalsSnapshot published, WindowRange range, Breakdown breakdown, DateOnly currentWindow)
    {
        var windows = range.Windows;
        var index = windows.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i);
        var marginal = MarginalOf(breakdown);
        var bySeries = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var cell in published.Cells.Where(c => c.Field == marginal && c.Window.Kind == range.Kind && index.ContainsKey(c.Window.Start)))
        {
            var label = Breakdowns.LabelOf(breakdown, cell.Value);
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
