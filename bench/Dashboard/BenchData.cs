using System.Globalization;
using Pinger.Protocol.Windows;
using Pinger.Server.Countme;
using Pinger.Server.Dashboard;
using Pinger.Server.Storage;

namespace DashboardBench;

/// <summary>
/// A year of weekly reports: 52 weeks × 30 OS versions, each (week, version) with 10 to 200 machines split over
/// two platforms and age buckets, plus a few full-level fields, written straight into the store; and countme totals.
/// </summary>
internal static class BenchData
{
    public const int Weeks = 52;
    public const int Versions = 30;

    /// <summary>Seeds <paramref name="store"/> up to the week of <paramref name="today"/>; returns the reports written.</summary>
    public static long Write(ICounterStore store, DateOnly today)
    {
        var current = CountingCalendar.StartOf(WindowKind.Week, today);
        long written = 0;
        for (var w = 0; w < Weeks; w++)
        {
            var week = WindowRange(current, Weeks - 1 - w);
            var windows = new[] { new CountingWindow(WindowKind.Week, week) };
            var reports = new List<CountedReport>();
            for (var v = 0; v < Versions; v++)
            {
                var version = (14 + v).ToString(CultureInfo.InvariantCulture);
                var machines = 10 + (((v * 37) + (w * 11)) % 191);
                for (var i = 0; i < machines; i++)
                {
                    var cloud = i % 10 < 7;
                    var platform = cloud ? "aws" : "metal";
                    var age = cloud ? "4" : "3";
                    var values = new[]
                    {
                        new CountedValue(ReportFields.OsId, "fedora"),
                        new CountedValue(ReportFields.VersionId, version),
                        new CountedValue(ReportFields.Variant, "coreos"),
                        new CountedValue(ReportFields.Arch, i % 5 == 0 ? "aarch64" : "x86_64"),
                        new CountedValue(ReportFields.Build, $"{version}.2026{w % 12 + 1:00}01.3.0"),
                        new CountedValue(ReportFields.Stream, i % 3 == 0 ? "testing" : "stable"),
                        new CountedValue(ReportFields.Platform, platform),
                        new CountedValue(ReportFields.PlatformSource, cloud ? "ignition" : "detected"),
                        new CountedValue(ReportFields.CpuVendor, i % 4 == 0 ? "amd" : "intel"),
                        new CountedValue(ReportFields.Memory, (4L << (i % 4) << 30).ToString(CultureInfo.InvariantCulture)),
                    };
                    var system = new SystemTuple("fedora", version, "coreos", "x86_64", age, platform);
                    reports.Add(new CountedReport($"bench-{w}-{v}-{i}", windows, values, system));
                }
            }

            store.Commit(new CommitBatch(reports, [], new Dictionary<WindowKind, DateOnly>()));
            written += reports.Count;
        }

        return written;
    }

    /// <summary>
    /// Countme totals for the same 52 weeks (each version in four age buckets and two repositories): about 12,000
    /// rows, more than the Demo's four weeks of 2021 and its year of counted weeks.
    /// </summary>
    public static void WriteCountme(ICounterStore store, DateOnly today)
    {
        var current = CountingCalendar.StartOf(WindowKind.Week, today);
        var totals = new Dictionary<CountmeTotalsKey, long>();
        for (var w = 0; w < Weeks; w++)
        {
            var week = WindowRange(current, Weeks - w);
            for (var v = 0; v < Versions; v++)
            {
                var version = (14 + v).ToString(CultureInfo.InvariantCulture);
                for (var age = 1; age <= 4; age++)
                {
                    foreach (var repo in new[] { "fedora-" + version, "updates-released-f" + version })
                    {
                        var key = new CountmeTotalsKey(week, "Fedora Linux", version, "workstation", "x86_64", age.ToString(CultureInfo.InvariantCulture), repo, "x86_64");
                        totals[key] = 20 + (((v * 13) + (w * 7) + age) % 400);
                    }
                }
            }
        }

        store.Import("dashboard-bench-countme", totals);
    }

    private static DateOnly WindowRange(DateOnly current, int weeksBack) => current.AddDays(-7 * weeksBack);
}
