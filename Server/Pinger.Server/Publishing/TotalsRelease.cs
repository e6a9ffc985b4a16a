using Pinger.Protocol.Windows;
using Pinger.Server.Storage;

namespace Pinger.Server.Publishing;

/// <summary>
/// The one read path of everything published (JSON, CSV, the countme file, the dashboard) and of the admin API:
/// reads the store for a query and hands the answer through its <see cref="IReleaseRule"/> once. Outputs render
/// what it returns and never read the store or withhold anything themselves.
/// </summary>
/// <param name="store">The counters.</param>
/// <param name="rule">What of them may be shown: <see cref="DifferentialPrivacy"/> in public, <see cref="EveryCount"/> for the admin API.</param>
/// <param name="clock">Tells which countme week is still open.</param>
public sealed class TotalsRelease(ICounterStore store, IReleaseRule rule, TimeProvider clock)
{
    /// <summary>The per-window ε of this release, null when it is exact.</summary>
    public decimal? Epsilon => rule.Epsilon;

    /// <summary>The counters matching <paramref name="query"/>.</summary>
    public ReleasedTotals Totals(TotalsQuery query) => new(rule.Release(query, store.ReadTotals(query)), rule.Epsilon);

    /// <summary>The weekly countme totals from <paramref name="fromWeek"/> to <paramref name="toWeek"/> inclusive, open week or not.</summary>
    public ReleasedCountme Countme(DateOnly fromWeek, DateOnly toWeek) => new(rule.Release(store.ReadCountme(fromWeek, toWeek)), null);

    /// <summary>
    /// Every week of the countme file. Like mirrors-countme, only complete weeks are published; with
    /// <paramref name="provisional"/> the current one is added, and named.
    /// </summary>
    public ReleasedCountme CountmeFile(bool provisional)
    {
        var currentWeek = CountingCalendar.WeekNumber(clock.GetUtcNow());
        var lastWeek = provisional ? currentWeek : currentWeek - 1;
        return Countme(DateOnly.MinValue, CountingCalendar.WeekStart(lastWeek)) with
        {
            ProvisionalWeek = provisional ? CountingCalendar.WeekStart(currentWeek) : null,
        };
    }

    /// <summary>
    /// The weekly systems of Pinger reports in countme's shape (<see cref="CountmeSystemsExport"/>), complete weeks only,
    /// summed from the released systems cells, so the export shows nothing the systems release withholds.
    /// </summary>
    public ReleasedCountme CountmeSystems()
    {
        var lastComplete = CountingCalendar.WeekStart(CountingCalendar.WeekNumber(clock.GetUtcNow()) - 1);
        var query = new TotalsQuery(WindowKind.Week, null, lastComplete, null);
        var systems = rule.Release(query, store.ReadTotals(query)).Systems
            .Where(s => s.Window.Start <= lastComplete);
        return new ReleasedCountme(CountmeSystemsExport.Rows(systems), null);
    }
}
