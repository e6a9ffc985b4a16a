using Pinger.Protocol.Windows;
using Pinger.Server.Countme;
using Pinger.Server.Publishing;
using Pinger.Server.Storage;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Publishing;

[TestClass]
public sealed class TotalsReleaseTests : IDisposable
{
    private static readonly DateOnly LastWeek = new(2026, 11, 16);
    private static readonly DateOnly ThisWeek = new(2026, 11, 23);
    private static readonly Dictionary<WindowKind, DateOnly> NothingClosed = new()
    {
        [WindowKind.Day] = new DateOnly(2026, 11, 1), [WindowKind.Week] = new DateOnly(2026, 11, 1), [WindowKind.Month] = new DateOnly(2026, 10, 1),
    };

    private readonly TempDirectory _directory = new();
    private readonly ICounterStore _store;

    public TotalsReleaseTests()
    {
        _store = SqliteCounterStore.InDirectory(_directory.Path);
        _store.Open();
        var key = new CountmeTotalsKey(LastWeek, "Fedora Linux", "41", "coreos", "x86_64", "2", "fedora-41", "x86_64");
        _store.Import("sha-test", new Dictionary<CountmeTotalsKey, long>
        {
            [key] = 50, [key with { OsArch = "aarch64" }] = 20, [key with { RepoArch = "ppc64le" }] = 2, [key with { WeekStart = ThisWeek }] = 30,
        });
        var report = new CountedReport("nonce-1", [new CountingWindow(WindowKind.Week, ThisWeek)], [new CountedValue("platform.id", "aws")],
            new SystemTuple("fedora", "41", "coreos", "x86_64", "3", "aws"));
        _store.Commit(new CommitBatch([report], [], NothingClosed));
    }

    public void Dispose()
    {
        _store.Dispose();
        _directory.Dispose();
    }

    private TotalsRelease Public() => new(_store, new CellSuppression(3), new FixedClock(FixedClock.Friday));

    [TestMethod]
    public void The_countme_file_holds_complete_weeks_only_unless_the_open_one_is_asked_for()
    {
        var complete = Public().CountmeFile(provisional: false);
        var provisional = Public().CountmeFile(provisional: true);

        Assert.IsNull(complete.ProvisionalWeek);
        CollectionAssert.AreEqual(new[] { LastWeek }, complete.Rows.Select(r => r.Key.WeekStart).Distinct().ToArray());
        Assert.AreEqual(ThisWeek, provisional.ProvisionalWeek);
        CollectionAssert.AreEqual(new[] { LastWeek, ThisWeek }, provisional.Rows.Select(r => r.Key.WeekStart).Distinct().ToArray());
    }

    [TestMethod]
    public void Every_read_goes_through_the_rule()
    {
        var countme = Public().Countme(LastWeek, ThisWeek);
        var totals = Public().Totals(new TotalsQuery(WindowKind.Week, null, null, null));
        var admin = new TotalsRelease(_store, new EveryCount(), new FixedClock(FixedClock.Friday));

        CollectionAssert.AreEqual(new[] { 50L, 30L }, countme.Rows.Select(r => r.Hits).ToArray(), "2 is below k, so 20, the smallest other row of its week, goes too");
        Assert.AreEqual(0, totals.Counts.Reports.Count + totals.Counts.Cells.Count + totals.Counts.Systems.Count, "one report is below k everywhere");
        Assert.AreEqual(3L, totals.MinCount);
        Assert.HasCount(4, admin.Countme(LastWeek, ThisWeek).Rows);
        Assert.AreEqual(1, admin.Totals(new TotalsQuery(WindowKind.Week, null, null, null)).Counts.Reports.Single().Reports);
        Assert.IsNull(admin.MinCount);
    }
}
