using Pinger.Protocol.Windows;
using Pinger.Server.Registry;
using Pinger.Server.Storage;

namespace Pinger.Server.Publishing;

/// <summary>
/// The public rule. Only windows that have ended are shown, each through its one kept release: the first request
/// after a window ends computes it (<see cref="WindowReleaser"/>) and stores it, and every answer after that, on
/// any server sharing the database, is read from storage. Reports that arrive later (the previous window is still
/// accepted for a while) go into the counters, which the admin API shows, but never into a kept release. Countme
/// totals stay exact, as Fedora publishes them, for complete weeks only.
/// </summary>
/// <param name="store">Where releases are kept and the counters of a window to release are read.</param>
/// <param name="releaser">Computes a release.</param>
/// <param name="registry">The field registry in force, which decides the split of ε.</param>
/// <param name="budget">ε and its split.</param>
/// <param name="clock">Tells which windows have ended.</param>
public sealed class DifferentialPrivacy(ICounterStore store, WindowReleaser releaser, Func<FieldRegistry> registry, PrivacyBudget budget, TimeProvider clock) : IReleaseRule
{
    /// <inheritdoc/>
    public decimal? Epsilon => budget.Epsilon;

    /// <inheritdoc/>
    public TotalsSnapshot Release(TotalsQuery query, TotalsSnapshot counted)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var releases = counted.Reports.Select(r => r.Window).Distinct()
            .Where(w => CountingCalendar.Next(w.Kind, w.Start) <= today)
            .Select(For)
            .ToArray();
        return new TotalsSnapshot(
            releases.Where(r => r.Reports is not null).Select(r => new WindowCount(r.Window, r.Reports!.Value)).ToArray(),
            releases.SelectMany(r => r.Cells).Where(c => query.Field is null || c.Field == query.Field).ToArray(),
            releases.SelectMany(r => r.Systems).ToArray());
    }

    /// <inheritdoc/>
    public IReadOnlyList<CountmeTotal> Release(IReadOnlyList<CountmeTotal> counted)
    {
        var currentWeek = CountingCalendar.StartOf(WindowKind.Week, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return counted.Where(r => r.Key.WeekStart < currentWeek).ToArray();
    }

    private WindowRelease For(CountingWindow window)
    {
        if (store.ReadRelease(window) is { } kept)
        {
            return WindowRelease.FromStored(kept);
        }

        var counted = store.ReadTotals(new TotalsQuery(window.Kind, window.Start, window.Start, null));
        var computed = releaser.Compute(window, counted, registry());
        return WindowRelease.FromStored(store.KeepRelease(computed.ToStored()));
    }
}
