using System.Globalization;
using Pinger.Plugins.Sdk;
using Pinger.Protocol.Reports;
using Pinger.Protocol.Windows;
using Pinger.Server.Countme;
using Pinger.Server.Ingest;
using Pinger.Server.Publishing;
using Pinger.Server.Registry;
using Pinger.Server.Storage;

namespace Pinger.Bench.Harness.Demo;

/// <summary>
/// Writes a year of the demo fleet's reports into a counter store, through the server's own code: each report is
/// checked against the field registry as ingest checks it, turned into counters by <see cref="ReportCounting"/>
/// (what the reports endpoint does) and committed in batches by <see cref="ICounterStore.Commit"/> (what the commit
/// loop does). Only ended windows are written, so every one of them is released. A machine reports once on each day
/// it is up; as the client does, its first report of a week or month also counts for that window. Daily windows are
/// written for the last <c>dailyDays</c> only (older ones are not on the page by default), which keeps the seeding
/// to a minute. The dnf-based machines also count in countme's weekly totals, as the metalink counts them.
/// </summary>
internal static class DemoSeeder
{
    /// <summary>Seeds <paramref name="store"/> with <paramref name="fleet"/> for the <paramref name="days"/> before <paramref name="today"/>.</summary>
    public static DemoSeedSummary Seed(ICounterStore store, FieldRegistry registry, DemoFleet fleet, DateOnly today, int days = 365, int dailyDays = 60, int countmeWeeks = 12)
    {
        var machines = fleet.Machines;
        var lastWeek = new DateOnly[machines.Count];
        var lastMonth = new DateOnly[machines.Count];
        var firstCountmeWeek = CountingCalendar.Previous(WindowKind.Week, CountingCalendar.StartOf(WindowKind.Week, today)).AddDays(-7 * (countmeWeeks - 1));
        var activity = new Random(7);
        var accepted = new HashSet<(string, FieldValue)>();
        long reports = 0;
        long countmeHits = 0;
        for (var day = today.AddDays(-days); day < today; day = day.AddDays(1))
        {
            var week = CountingCalendar.StartOf(WindowKind.Week, day);
            var month = CountingCalendar.StartOf(WindowKind.Month, day);
            var daily = day >= today.AddDays(-dailyDays);
            var batch = new List<CountedReport>();
            var hits = new List<CountmeTotalsKey>();
            for (var m = 0; m < machines.Count; m++)
            {
                var machine = machines[m];
                if (!machine.RunsOn(day) || activity.NextDouble() >= machine.Edition.DailyActivity)
                {
                    continue;
                }

                var windows = new List<CountingWindow>(3);
                if (daily)
                {
                    windows.Add(new CountingWindow(WindowKind.Day, day));
                }

                if (lastWeek[m] != week)
                {
                    lastWeek[m] = week;
                    windows.Add(new CountingWindow(WindowKind.Week, week));
                    if (week >= firstCountmeWeek && !machine.Edition.ImageBased)
                    {
                        hits.AddRange(CountmeHits(machine, week, day));
                    }
                }

                if (lastMonth[m] != month)
                {
                    lastMonth[m] = month;
                    windows.Add(new CountingWindow(WindowKind.Month, month));
                }

                if (windows.Count == 0)
                {
                    continue;
                }

                var level = machine.Full ? MetricsLevel.Full : MetricsLevel.Minimal;
                var received = new ReceivedReport(
                    string.Create(CultureInfo.InvariantCulture, $"demo-{m}-{day:yyyyMMdd}"), level, machine.AgeOn(day), windows, Checked(registry, machine.ValuesOn(day), accepted));
                batch.Add(ReportCounting.Of(received, registry));
            }

            store.Commit(new CommitBatch(batch, hits, new Dictionary<WindowKind, DateOnly>()));
            reports += batch.Count;
            countmeHits += hits.Count;
        }

        return new DemoSeedSummary(machines.Count(m => m.RunsOn(today.AddDays(-1))), reports, countmeHits);
    }

    // A dnf machine asks the metalink of each of its two repositories once a week, with countme set.
    private static IEnumerable<CountmeTotalsKey> CountmeHits(DemoMachine machine, DateOnly week, DateOnly day)
    {
        var release = machine.ReleaseOn(day).ToString(CultureInfo.InvariantCulture);
        var variant = machine.Edition.VariantId.Length > 0 ? machine.Edition.VariantId : "generic";
        var arch = machine.ValuesOn(day).First(v => v.QualifiedName == Pinger.Server.Dashboard.ReportFields.Arch).Value.Text!;
        var age = machine.AgeOn(day).ToString(CultureInfo.InvariantCulture);
        var name = OsReleaseNames.NameOf("fedora", release);
        yield return new CountmeTotalsKey(week, name, release, variant, arch, age, "updates-released-f" + release, arch);
        yield return new CountmeTotalsKey(week, name, release, variant, arch, age, "fedora-" + release, arch);
    }

    // The values the server would accept: a field it does not declare is left out (a server without that probe's
    // schema); a value its declaration refuses is a mistake in the fleet, and stops the seeding. The fleet has a few
    // hundred distinct values, each checked once (a pattern check has a time budget, which millions of checks on a
    // busy machine would sooner or later exceed).
    private static IReadOnlyList<ReceivedValue> Checked(FieldRegistry registry, IReadOnlyList<ReceivedValue> values, HashSet<(string, FieldValue)> accepted)
    {
        var kept = new List<ReceivedValue>(values.Count);
        foreach (var value in values)
        {
            if (registry.Find(value.ProbeId, value.Field) is not { } declaration)
            {
                continue;
            }

            if (!accepted.Contains((value.QualifiedName, value.Value)))
            {
                if (!declaration.Accepts(value.Value, out var problem))
                {
                    throw new InvalidOperationException($"the demo fleet's {value.QualifiedName} is refused by the field registry: {problem}");
                }

                accepted.Add((value.QualifiedName, value.Value));
            }

            kept.Add(value);
        }

        return kept;
    }
}
