using Pinger.Protocol.Exposition;
using Pinger.Protocol.Windows;
using Pinger.Server.Storage;

namespace Pinger.Server.Publishing;

/// <summary>
/// The public totals of the latest ended day, week and month as gauges for Prometheus and Grafana
/// (<c>/v1/totals/metrics</c>): read through the public <see cref="TotalsRelease"/>, like the JSON and the
/// dashboard, so the noise is the same and a withheld count is absent here too. The window's start is a gauge of
/// its own rather than a label, so each series goes on from one window to the next.
/// </summary>
public static class TotalsMetrics
{
    /// <summary>The windows a request sees: for each kind, the last one that has ended at <paramref name="now"/>.</summary>
    public static IReadOnlyList<CountingWindow> LatestEnded(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return CountingCalendar.Kinds
            .Select(kind => new CountingWindow(kind, CountingCalendar.Previous(kind, CountingCalendar.StartOf(kind, today))))
            .ToArray();
    }

    /// <summary>The families of <paramref name="released"/>, the public totals of the windows <see cref="LatestEnded"/> names.</summary>
    public static IReadOnlyList<MetricFamily> Families(IReadOnlyList<ReleasedTotals> released)
    {
        var reports = released.SelectMany(r => r.Counts.Reports).ToArray();
        var cells = released.SelectMany(r => r.Counts.Cells).ToArray();
        var systems = released.SelectMany(r => r.Counts.Systems).ToArray();
        var windows = reports.Select(r => r.Window).Concat(cells.Select(c => c.Window)).Concat(systems.Select(s => s.Window))
            .Distinct().OrderBy(w => w.Kind).ToArray();
        return
        [
            new MetricFamily(
                "pinger_window_start_timestamp_seconds", "Start (UTC midnight) of the latest ended window of each kind that the other families count.", "seconds",
                windows.Select(w => Sample(w, [], UnixSeconds(w.Start))).ToArray()),
            new MetricFamily(
                "pinger_reports", "Reports counted in the window, one per machine, as publicly released (with noise; absent when withheld).", null,
                reports.Select(r => Sample(r.Window, [], r.Reports)).ToArray()),
            new MetricFamily(
                "pinger_machines", "Machines whose report carried the value of the field (probe.field) in the window, as publicly released (with noise; absent when withheld).", null,
                cells.Select(c => Sample(c.Window, [new("field", c.Field), new("value", c.Value)], c.Count)).ToArray()),
            new MetricFamily(
                "pinger_systems", "Machines per countme tuple and platform in the window, as publicly released (with noise; absent when withheld).", null,
                systems.Select(s => Sample(s.Window, SystemLabels(s.System), s.Count)).ToArray()),
        ];
    }

    private static KeyValuePair<string, string>[] SystemLabels(SystemTuple system) =>
    [
        new("os_name", system.OsName), new("os_version", system.OsVersion), new("os_variant", system.OsVariant),
        new("os_arch", system.OsArch), new("sys_age", system.SysAge), new("platform", system.Platform),
    ];

    private static MetricSample Sample(CountingWindow window, KeyValuePair<string, string>[] labels, long value) =>
        new([new("window", window.KindName), .. labels], value);

    private static long UnixSeconds(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
}
