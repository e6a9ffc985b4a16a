using System.Globalization;
using Pinger.Protocol.Windows;
using Pinger.Server.Countme;
using Pinger.Server.Storage;

namespace Pinger.Dashboard.Tests.Infrastructure;

/// <summary>Writes counters straight into a store: machines reporting in past windows, and countme totals.</summary>
internal static class Seed
{
    /// <summary>
    /// <paramref name="machines"/> reports of one Fedora CoreOS machine description, each counted in the week of
    /// <paramref name="week"/>, its month and its Friday.
    /// </summary>
    public static void Machines(ICounterStore store, DateOnly week, int machines, string versionId, string platform, int age, string? fullVersion = null)
    {
        var windows = new[]
        {
            new CountingWindow(WindowKind.Day, week.AddDays(4)),
            new CountingWindow(WindowKind.Week, week),
            new CountingWindow(WindowKind.Month, new DateOnly(week.Year, week.Month, 1)),
        };
        var values = new List<CountedValue>
        {
            new("os-versions.id", "fedora"),
            new("os-versions.version_id", versionId),
            new("os-versions.variant_id", "coreos"),
            new("os-versions.machine", "x86_64"),
            new("platform.id", platform),
        };
        if (fullVersion is not null)
        {
            values.Add(new CountedValue("os-versions.version", fullVersion));
        }

        var system = new SystemTuple("fedora", versionId, "coreos", "x86_64", age.ToString(CultureInfo.InvariantCulture), platform);
        var reports = Enumerable.Range(0, machines).Select(_ => new CountedReport(Guid.NewGuid().ToString("N"), windows, values, system)).ToArray();
        store.Commit(new CommitBatch(reports, [], new Dictionary<WindowKind, DateOnly>()));
    }

    /// <summary>Reports with arbitrary values (as a store could hold them), each counted in one window.</summary>
    public static void Values(ICounterStore store, CountingWindow window, int machines, SystemTuple system, params CountedValue[] values)
    {
        var reports = Enumerable.Range(0, machines).Select(_ => new CountedReport(Guid.NewGuid().ToString("N"), [window], values, system)).ToArray();
        store.Commit(new CommitBatch(reports, [], new Dictionary<WindowKind, DateOnly>()));
    }

    /// <summary>Imports countme rows of one week, as <c>pinger-server import-totals</c> would.</summary>
    public static void Countme(ICounterStore store, DateOnly week, params (string OsName, string Version, string Age, string Repo, long Hits)[] rows)
    {
        var totals = rows.ToDictionary(
            r => new CountmeTotalsKey(week, r.OsName, r.Version, "coreos", "x86_64", r.Age, r.Repo, "x86_64"),
            r => r.Hits);
        store.Import(Guid.NewGuid().ToString("N"), totals);
    }
}
