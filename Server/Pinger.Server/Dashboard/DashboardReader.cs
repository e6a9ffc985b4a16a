using Pinger.Protocol.Windows;
using Pinger.Server.Publishing;
using Pinger.Server.Registry;
using Pinger.Server.Storage;

namespace Pinger.Server.Dashboard;

/// <summary>
/// Reads what the page shows through the public API's own release: the same <see cref="TotalsQuery"/> that
/// /v1/totals builds from <c>window</c>, <c>from</c> and <c>to</c>, and the same countme weeks as
/// /v1/countme/totals.csv. Nothing the page shows can therefore be more than those endpoints give.
/// </summary>
public static class DashboardReader
{
    /// <summary>The view of <paramref name="query"/> over <paramref name="range"/> on <paramref name="today"/>.</summary>
    public static DashboardView Read(TotalsRelease published, decimal epsilon, DashboardQuery query, WindowRange range, FieldRegistry registry, DateOnly today)
    {
        var current = CountingCalendar.StartOf(range.Kind, today);
        var totals = published.Totals(new TotalsQuery(range.Kind, range.From, range.To, null)).Counts;
        var osId = OnlyDistribution(totals);
        var reports = ReportSeries.Build(totals, range, query.Breakdown, current, osId);
        var countme = ReadCountme(published, range, query.Breakdown, today);
        var charts = new[] { reports.Series, countme.Series?.Series ?? [] };
        return new DashboardView(
            query,
            range,
            epsilon,
            Headline.Read(published, today),
            reports,
            countme,
            SharesBuilder.Build(totals, registry, range),
            SeriesPalette.For(charts),
            osId,
            registry);
    }

    // Releases are named after the distribution ("Fedora 43") only when every published os-versions.id cell of the range names the same one.
    private static string? OnlyDistribution(TotalsSnapshot totals)
    {
        var ids = totals.Cells.Where(c => c.Field == ReportFields.OsId).Select(c => c.Value).Distinct(StringComparer.Ordinal).Take(2).ToArray();
        return ids is [var only] && only.Length > 0 ? only : null;
    }

    private static CountmeView ReadCountme(TotalsRelease published, WindowRange range, Breakdown breakdown, DateOnly today)
    {
        var currentWeek = CountingCalendar.StartOf(WindowKind.Week, today);
        var first = CountingCalendar.StartOf(WindowKind.Week, range.From);
        var lastDay = CountingCalendar.Next(range.Kind, range.To).AddDays(-1);
        var last = CountingCalendar.StartOf(WindowKind.Week, lastDay < today ? lastDay : today);

        // A long range of months would mean thousands of weeks: the chart keeps the latest ones.
        if (((last.DayNumber - first.DayNumber) / 7) + 1 > WindowRange.MaxWindows)
        {
            first = WindowRange.Back(WindowKind.Week, last, WindowRange.MaxWindows - 1);
        }

        var rows = published.Countme(first, last).Rows;
        var weeks = new WindowRange(WindowKind.Week, first, last, Explicit: true).Windows;
        var latestWithData = false;
        var length = WindowRange.DefaultLength(WindowKind.Week);
        if (!range.Explicit && rows.Select(r => r.Key.WeekStart).Distinct().Count() < length)
        {
            // Imported history is often older than the reports, or has gaps: by default the chart shows the latest
            // weeks that have totals, gaps marked. Only then is the whole table read, as the public CSV reads it.
            var all = published.Countme(DateOnly.MinValue, currentWeek).Rows;
            weeks = all.Select(r => r.Key.WeekStart).Distinct().OrderDescending().Take(length).Order().ToArray();
            if (weeks.Count > 0)
            {
                (first, last) = (weeks[0], weeks[^1]);
                rows = all.Where(r => r.Key.WeekStart >= first).ToArray();
                latestWithData = true;
            }
        }

        if (rows.Count == 0)
        {
            return new CountmeView(null, first, last, LatestWithData: false);
        }

        return new CountmeView(CountmeSeries.Build(rows, weeks, breakdown, currentWeek), first, last, latestWithData);
    }
}
