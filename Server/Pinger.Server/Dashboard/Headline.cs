using Pinger.Protocol.Windows;
using Pinger.Server.Publishing;
using Pinger.Server.Storage;

namespace Pinger.Server.Dashboard;

/// <summary>
/// The figures at the top of the page: machines counted in the last closed day, week and month, and the change
/// against the window before. Read through the same public release as the charts and /v1/totals (each window's
/// released report count), so the strip says exactly what <c>/v1/totals?window=…</c> says for those windows.
/// </summary>
public static class Headline
{
    /// <summary>The headline on <paramref name="today"/>, one figure per window kind.</summary>
    public static IReadOnlyList<HeadlineFigure> Read(TotalsRelease published, DateOnly today)
    {
        var figures = new List<HeadlineFigure>();
        foreach (var kind in CountingCalendar.Kinds)
        {
            var last = CountingCalendar.Previous(kind, CountingCalendar.StartOf(kind, today));
            var before = CountingCalendar.Previous(kind, last);

            // Only the report counts are wanted: a field filter no field matches leaves the cells out of the read.
            var reports = published.Totals(new TotalsQuery(kind, before, last, PrivacyBudget.ReportsPart)).Counts.Reports;
            long? Count(DateOnly start) => reports.Where(r => r.Window.Start == start).Select(r => (long?)r.Reports).FirstOrDefault();
            figures.Add(new HeadlineFigure(new CountingWindow(kind, last), Count(last), new CountingWindow(kind, before), Count(before)));
        }

        return figures;
    }
}
