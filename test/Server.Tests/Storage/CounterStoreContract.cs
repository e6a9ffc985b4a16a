using System.Globalization;
using Pinger.Protocol.Reports;
using Pinger.Protocol.Windows;
using Pinger.Server.Countme;
using Pinger.Server.Storage;

namespace Pinger.Server.Tests.Storage;

/// <summary>What every back end must do, run against each of them.</summary>
public abstract class CounterStoreContract
{
    private static readonly CountingWindow Day = new(WindowKind.Day, new DateOnly(2026, 11, 27));
    private static readonly CountingWindow Week = new(WindowKind.Week, new DateOnly(2026, 11, 23));
    private static readonly Dictionary<WindowKind, DateOnly> NothingClosed = new()
    {
        [WindowKind.Day] = new DateOnly(2026, 11, 1), [WindowKind.Week] = new DateOnly(2026, 11, 1), [WindowKind.Month] = new DateOnly(2026, 10, 1),
    };

    [TestMethod]
    public void A_batch_counts_each_report_once_per_window_even_with_retries_inside_and_across_batches()
    {
        using var store = OpenStore();
        var report = Report("nonce-a", "aws", [Day, Week]);

        var first = store.Commit(Batch(report, report, Report("nonce-b", "gcp", [Week])));
        var again = store.Commit(Batch(report));

        Assert.AreEqual(new CommitOutcome(3, 2), first);
        Assert.AreEqual(new CommitOutcome(0, 2), again);
        var totals = store.ReadTotals(new TotalsQuery(null, null, null, null));
        CollectionAssert.AreEquivalent(new[] { new WindowCount(Day, 1), new WindowCount(Week, 2) }, totals.Reports.ToArray());
        CollectionAssert.Contains(totals.Cells.ToArray(), new TotalsCell(Week, "platform.id", "aws", 1));
        CollectionAssert.Contains(totals.Cells.ToArray(), new TotalsCell(Week, "hardware.features", "avx", 2));
        CollectionAssert.Contains(totals.Systems.ToArray(), new SystemCount(Week, new SystemTuple("fedora", "41", "coreos", "x86_64", "3", "gcp"), 1));
    }

    [TestMethod]
    public void Totals_are_filtered_by_window_kind_dates_and_field()
    {
        using var store = OpenStore();
        store.Commit(Batch(Report("n1", "aws", [Day, Week])));

        var weekOnly = store.ReadTotals(new TotalsQuery(WindowKind.Week, null, null, "platform.id"));
        var fromLater = store.ReadTotals(new TotalsQuery(null, new DateOnly(2026, 11, 24), null, null));
        var upTo = store.ReadTotals(new TotalsQuery(null, null, new DateOnly(2026, 11, 23), null));

        CollectionAssert.AreEqual(new[] { new TotalsCell(Week, "platform.id", "aws", 1) }, weekOnly.Cells.ToArray());
        CollectionAssert.AreEqual(new[] { new WindowCount(Day, 1) }, fromLater.Reports.ToArray());
        CollectionAssert.AreEqual(new[] { new WindowCount(Week, 1) }, upTo.Reports.ToArray());
    }

    [TestMethod]
    public void All_filters_together_narrow_every_table()
    {
        using var store = OpenStore();
        var previousWeek = new CountingWindow(WindowKind.Week, new DateOnly(2026, 11, 16));
        store.Commit(Batch(Report("n1", "aws", [Day, Week]), Report("n2", "gcp", [previousWeek])));

        var totals = store.ReadTotals(new TotalsQuery(WindowKind.Week, new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 30), "platform.id"));

        CollectionAssert.AreEqual(new[] { new WindowCount(Week, 1) }, totals.Reports.ToArray());
        CollectionAssert.AreEqual(new[] { new TotalsCell(Week, "platform.id", "aws", 1) }, totals.Cells.ToArray());
        CollectionAssert.AreEqual(new[] { Week }, totals.Systems.Select(s => s.Window).ToArray());
    }

    [TestMethod]
    public void Nonces_of_closed_windows_are_deleted()
    {
        using var store = OpenStore();
        var report = Report("n1", "aws", [Week]);
        store.Commit(Batch(report));

        store.Commit(new CommitBatch([], [], new Dictionary<WindowKind, DateOnly> { [WindowKind.Week] = new DateOnly(2026, 11, 30) }));

        // Only visible because the nonce is gone: the server never accepts a closed window.
        Assert.AreEqual(new CommitOutcome(1, 0), store.Commit(Batch(report)));
    }

    [TestMethod]
    public void A_field_keeps_no_more_distinct_values_per_window_than_it_declares_and_known_values_still_count()
    {
        using var store = OpenStore();
        CountedReport Versioned(string nonce, string version) =>
            new(nonce, [Day, Week], [new CountedValue("os-versions.version", version, MaxDistinctPerWindow: 2)], new SystemTuple("fedora", "41", "coreos", "x86_64", "3", "aws"));

        var first = store.Commit(Batch(Versioned("n1", "a"), Versioned("n2", "b"), Versioned("n3", "b"), Versioned("n4", "c")));
        var second = store.Commit(Batch(Versioned("n5", "a"), Versioned("n6", "d")));

        // In the first batch "b" is the most frequent, so "b" and then "a" (ordinal) take the two places.
        Assert.AreEqual(new CommitOutcome(8, 0, OverCap: 2), first);
        Assert.AreEqual(new CommitOutcome(4, 0, OverCap: 2), second);
        var cells = store.ReadTotals(new TotalsQuery(WindowKind.Day, null, null, "os-versions.version")).Cells;
        CollectionAssert.AreEquivalent(new[] { new TotalsCell(Day, "os-versions.version", "a", 2), new TotalsCell(Day, "os-versions.version", "b", 2) }, cells.ToArray());
        Assert.AreEqual(6, store.ReadTotals(new TotalsQuery(WindowKind.Day, null, null, null)).Reports.Single().Reports, "the reports themselves are all counted");
    }

    [TestMethod]
    public void A_window_keeps_no_more_countme_tuples_than_the_cap()
    {
        using var store = OpenStore();
        CountedReport Tuple(int i) => new(
            "t" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), [Day], [],
            new SystemTuple("fedora", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "coreos", "x86_64", "3", "aws"));

        var full = store.Commit(Batch(Enumerable.Range(0, BatchAggregate.MaxSystemsPerWindow).Select(Tuple).ToArray()));
        var over = store.Commit(Batch(Tuple(BatchAggregate.MaxSystemsPerWindow), Tuple(BatchAggregate.MaxSystemsPerWindow + 1)));

        Assert.AreEqual(0, full.OverCap);
        Assert.AreEqual(new CommitOutcome(2, 0, OverCap: 2), over);
        Assert.HasCount(BatchAggregate.MaxSystemsPerWindow, store.ReadTotals(new TotalsQuery(WindowKind.Day, null, null, null)).Systems);
    }

    [TestMethod]
    public void Windows_older_than_the_retention_keeps_are_deleted_with_all_their_counters()
    {
        using var store = OpenStore();
        var oldDay = new CountingWindow(WindowKind.Day, new DateOnly(2026, 8, 1));
        store.Commit(Batch(Report("n1", "aws", [oldDay, Day, Week])));

        var pruned = store.Prune(new Dictionary<WindowKind, DateOnly>
        {
            [WindowKind.Day] = new DateOnly(2026, 9, 1), [WindowKind.Week] = new DateOnly(2024, 1, 1), [WindowKind.Month] = new DateOnly(2020, 1, 1),
        });

        // One report row, three field rows and one system row of the old day.
        Assert.AreEqual(5, pruned);
        var totals = store.ReadTotals(new TotalsQuery(null, null, null, null));
        CollectionAssert.AreEquivalent(new[] { new WindowCount(Day, 1), new WindowCount(Week, 1) }, totals.Reports.ToArray());
        Assert.IsFalse(totals.Cells.Any(c => c.Window == oldDay) || totals.Systems.Any(s => s.Window == oldDay));
    }

    [TestMethod]
    public void A_window_deleted_by_retention_takes_its_distinct_values_with_it()
    {
        using var store = OpenStore();
        var oldDay = new CountingWindow(WindowKind.Day, new DateOnly(2026, 8, 1));
        CountedReport Versioned(string nonce, string version) =>
            new(nonce, [oldDay], [new CountedValue("os-versions.version", version, MaxDistinctPerWindow: 1)], new SystemTuple("fedora", "41", "coreos", "x86_64", "3", "aws"));
        store.Commit(Batch(Versioned("n1", "a")));

        store.Prune(new Dictionary<WindowKind, DateOnly> { [WindowKind.Day] = new DateOnly(2026, 9, 1) });
        var after = store.Commit(Batch(Versioned("n2", "b")));

        // The cap's one place is free again: what the cap check knew of the window went with it.
        Assert.AreEqual(new CommitOutcome(1, 0), after);
        CollectionAssert.AreEqual(new[] { new TotalsCell(oldDay, "os-versions.version", "b", 1) },
            store.ReadTotals(new TotalsQuery(WindowKind.Day, null, null, "os-versions.version")).Cells.ToArray());
    }

    [TestMethod]
    public void A_server_counts_the_values_another_server_stored_against_a_cap()
    {
        var location = NewLocation();
        using var first = CreateStore(location);
        using var second = CreateStore(location);
        first.Open();
        second.Open();
        CountedReport Versioned(string nonce, string version) =>
            new(nonce, [Day], [new CountedValue("os-versions.version", version, MaxDistinctPerWindow: 2)], new SystemTuple("fedora", "41", "coreos", "x86_64", "3", "aws"));

        first.Commit(Batch(Versioned("n1", "a")));
        second.Commit(Batch(Versioned("n2", "b")));
        var third = first.Commit(Batch(Versioned("n3", "c")));

        Assert.AreEqual(new CommitOutcome(1, 0, OverCap: 1), third);
        CollectionAssert.AreEquivalent(new[] { "a", "b" },
            first.ReadTotals(new TotalsQuery(WindowKind.Day, null, null, "os-versions.version")).Cells.Select(c => c.Value).ToArray());
    }

    [TestMethod]
    public void Servers_committing_new_values_at_once_keep_each_field_exactly_at_its_cap()
    {
        const int Rounds = 20;
        var location = NewLocation();
        var stores = Enumerable.Range(0, 2).Select(_ => CreateStore(location)).ToArray();
        foreach (var store in stores)
        {
            store.Open();
        }

        // In every round both servers bring a new value of a field with room for one: each round is a race for it.
        using var round = new Barrier(stores.Length);
        var overCap = stores.AsParallel().WithDegreeOfParallelism(stores.Length).Select((store, s) => Enumerable.Range(0, Rounds).Sum(r =>
        {
            round.SignalAndWait();
            var field = "race.f" + r.ToString(CultureInfo.InvariantCulture);
            return store.Commit(Batch(new CountedReport($"s{s}-r{r}", [Day, Week], [new CountedValue(field, "s" + s.ToString(CultureInfo.InvariantCulture), MaxDistinctPerWindow: 1)],
                new SystemTuple("fedora", "41", "coreos", "x86_64", "3", "aws")))).OverCap;
        })).Sum();

        var cells = stores[0].ReadTotals(new TotalsQuery(null, null, null, null)).Cells.Where(c => c.Field.StartsWith("race.", StringComparison.Ordinal)).ToArray();
        var crowded = cells.GroupBy(c => (c.Window, c.Field)).Where(g => g.Count() != 1).Select(g => g.Key).ToArray();
        Assert.HasCount(0, crowded, "fields holding other than one value: " + string.Join(", ", crowded));
        Assert.HasCount(Rounds * 2, cells);
        Assert.AreEqual(Rounds * 2, overCap, "every value left out is counted by the metric");
        foreach (var store in stores)
        {
            store.Dispose();
        }
    }

    [TestMethod]
    public void Servers_committing_new_countme_tuples_at_once_keep_each_window_exactly_at_the_cap()
    {
        const int Rounds = 8;
        var location = NewLocation();
        var stores = Enumerable.Range(0, 2).Select(_ => CreateStore(location)).ToArray();
        foreach (var store in stores)
        {
            store.Open();
        }

        // Days with room for one more tuple each; in every round both servers bring a new tuple to one of them.
        var days = Enumerable.Range(0, Rounds).Select(r => new CountingWindow(WindowKind.Day, new DateOnly(2026, 11, 2 + r))).ToArray();
        CountedReport Tuple(string name, CountingWindow window) => new(name, [window], [], new SystemTuple("fedora", name, "coreos", "x86_64", "3", "aws"));
        stores[0].Commit(Batch(days.SelectMany((day, r) => Enumerable.Range(0, BatchAggregate.MaxSystemsPerWindow - 1)
            .Select(i => Tuple($"r{r}-t{i}", day))).ToArray()));
        using var round = new Barrier(stores.Length);
        var overCap = stores.AsParallel().WithDegreeOfParallelism(stores.Length).Select((store, s) => Enumerable.Range(0, Rounds).Sum(r =>
        {
            round.SignalAndWait();
            return store.Commit(Batch(Tuple($"s{s}-r{r}", days[r]))).OverCap;
        })).Sum();

        var systems = stores[0].ReadTotals(new TotalsQuery(WindowKind.Day, null, null, null)).Systems;
        var crowded = systems.GroupBy(s => s.Window).Where(g => g.Count() != BatchAggregate.MaxSystemsPerWindow).Select(g => $"{g.Key.StartText}: {g.Count()}").ToArray();
        Assert.HasCount(0, crowded, "windows holding other than the cap: " + string.Join(", ", crowded));
        Assert.AreEqual(Rounds, overCap);
        foreach (var store in stores)
        {
            store.Dispose();
        }
    }

    [TestMethod]
    public void Countme_hits_and_imports_add_up_and_a_file_is_imported_once()
    {
        using var store = OpenStore();
        var key = new CountmeTotalsKey(new DateOnly(2026, 11, 23), "Fedora Linux", "41", "coreos", "x86_64", "2", "fedora-41", "x86_64");
        var other = key with { OsArch = "aarch64", RepoArch = "aarch64" };

        store.Commit(new CommitBatch([], [key, key, other], NothingClosed));
        var imported = store.Import("sha-1", new Dictionary<CountmeTotalsKey, long> { [key] = 100 });
        var again = store.Import("sha-1", new Dictionary<CountmeTotalsKey, long> { [key] = 100 });

        Assert.IsTrue(imported);
        Assert.IsFalse(again);
        CollectionAssert.AreEqual(
            new[] { new CountmeTotal(other, 1), new CountmeTotal(key, 102) },
            store.ReadCountme(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 23)).ToArray());
        Assert.AreEqual(0, store.ReadCountme(new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 31)).Count);
    }

    [TestMethod]
    public void Opening_again_keeps_the_data_and_the_schema_version()
    {
        var location = NewLocation();
        using (var store = CreateStore(location))
        {
            store.Open();
            store.Commit(Batch(Report("n1", "aws", [Week])));
        }

        using var reopened = CreateStore(location);
        reopened.Open();
        reopened.Check();
        Assert.AreEqual(1, reopened.ReadTotals(new TotalsQuery(WindowKind.Week, null, null, null)).Reports.Single().Reports);
        Assert.AreEqual(2L, SchemaVersion(location));
    }

    [TestMethod]
    public void Servers_keeping_a_release_at_once_keep_exactly_one_and_all_serve_it()
    {
        var location = NewLocation();
        var stores = Enumerable.Range(0, 4).Select(_ => CreateStore(location)).ToArray();
        foreach (var store in stores)
        {
            store.Open();
        }

        using var start = new Barrier(stores.Length);
        var kept = stores.AsParallel().WithDegreeOfParallelism(stores.Length).Select((store, i) =>
        {
            start.SignalAndWait();
            return store.KeepRelease(new StoredRelease(Week, "{\"from\":" + i + "}", "etag-" + i));
        }).ToArray();

        Assert.HasCount(1, kept.Distinct().ToArray(), "every server got the same release back");
        Assert.AreEqual(kept[0], stores[0].ReadRelease(Week));
        Assert.IsNull(stores[0].ReadRelease(Day));
        foreach (var store in stores)
        {
            store.Dispose();
        }
    }

    /// <summary>Where a new, empty store lives (a directory or a database).</summary>
    protected abstract string NewLocation();

    /// <summary>A store at <paramref name="location"/>, not opened.</summary>
    protected abstract ICounterStore CreateStore(string location);

    /// <summary>The version recorded in the schema_version table.</summary>
    protected abstract long SchemaVersion(string location);

    private static CountedReport Report(string nonce, string platform, IReadOnlyList<CountingWindow> windows) => new(
        nonce,
        windows,
        [new CountedValue("platform.id", platform), new CountedValue("hardware.features", "avx"), new CountedValue("hardware.features", "aes")],
        new SystemTuple("fedora", "41", "coreos", "x86_64", "3", platform));

    private static CommitBatch Batch(params CountedReport[] reports) => new(reports, [], NothingClosed);

    private ICounterStore OpenStore()
    {
        var store = CreateStore(NewLocation());
        store.Open();
        return store;
    }
}
