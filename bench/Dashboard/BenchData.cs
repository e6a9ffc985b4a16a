using System.Globalization;
using Pinger.Protocol.Windows;
using Pinger.Server.Storage;

namespace DashboardBench;

/// <summary>
/// A year of weekly reports: 52 weeks × 30 OS versions, each (week, version) with 10 to 200 machines split over
/// two platforms and age buckets, plus a few full-level fields, written straight into the store.
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
                        new CountedValue("os-versions.id", "fedora"),
                        new CountedValue("os-versions.version_id", version),
                        new CountedValue("os-versions.variant_id", "coreos"),
                        new CountedValue("os-versions.machine", i % 5 == 0 ? "aarch64" : "x86_64"),
                        new CountedValue("os-versions.version", $"{version}.2026{w % 12 + 1:00}01.3.0"),
                        new CountedValue("os-versions.stream", i % 3 == 0 ? "testing" : "stable"),
                        new CountedValue("platform.id", platform),
                        new CountedValue("platform.source", cloud ? "ignition" : "detected"),
                        new CountedValue("hardware.cpu_vendor", i % 4 == 0 ? "amd" : "intel"),
                        new CountedValue("hardware.memory_bytes", (4L << (i % 4) << 30).ToString(CultureInfo.InvariantCulture)),
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

    private static DateOnly WindowRange(DateOnly current, int weeksBack) => current.AddDays(-7 * weeksBack);
}
