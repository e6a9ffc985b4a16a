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

    private TotalsRelease Public()
    {
        var clock = new FixedClock(FixedClock.Friday);
        var budget = new PrivacyBudget(1.0m, PrivacyBudget.DefaultDelta, 1);
        var rule = new DifferentialPrivacy(_store, new WindowReleaser(budget, new DiscreteLaplace(new CryptographicUniform())),
            () => Pinger.Server.Registry.FieldRegistry.Empty, budget, clock);
        return new TotalsRelease(_store, rule, clock);
    }

    private TotalsRelease Admin() => new(_store, new EveryCount(), new FixedClock(FixedClock.Friday));

    [TestMethod]
    public void The_countme_file_holds_complete_weeks_only_unless_the_admin_asks_for_the_open_one()
    {
        var complete = Public().CountmeFile(provisional: false);
        var provisional = Admin().CountmeFile(provisional: true);
        var publicProvisional = Public().CountmeFile(provisional: true);

        Assert.IsNull(complete.ProvisionalWeek);
        CollectionAssert.AreEqual(new[] { LastWeek }, complete.Rows.Select(r => r.Key.WeekStart).Distinct().ToArray());
        Assert.AreEqual(ThisWeek, provisional.ProvisionalWeek);
        CollectionAssert.AreEqual(new[] { LastWeek, ThisWeek }, provisional.Rows.Select(r => r.Key.WeekStart).Distinct().ToArray());
        CollectionAssert.AreEqual(new[] { LastWeek }, publicProvisional.Rows.Select(r => r.Key.WeekStart).Distinct().ToArray(), "the public rule drops the open week");
    }

    [TestMethod]
    public void Every_read_goes_through_the_rule()
    {
        var countme = Public().Countme(LastWeek, ThisWeek);
        var totals = Public().Totals(new TotalsQuery(WindowKind.Week, null, null, null));
        var admin = Admin();

        CollectionAssert.AreEquivalent(new[] { 50L, 20L, 2L }, countme.Rows.Select(r => r.Hits).ToArray(), "countme is exact, complete weeks only");
        Assert.AreEqual(0, totals.Counts.Reports.Count + totals.Counts.Cells.Count + totals.Counts.Systems.Count, "the week is still open");
        Assert.AreEqual(1.0m, totals.Epsilon);
        Assert.HasCount(4, admin.Countme(LastWeek, ThisWeek).Rows);
        Assert.AreEqual(1, admin.Totals(new TotalsQuery(WindowKind.Week, null, null, null)).Counts.Reports.Single().Reports);
        Assert.IsNull(admin.Epsilon);
    }
}
