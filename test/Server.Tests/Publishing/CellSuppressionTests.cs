using Pinger.Protocol.Windows;
using Pinger.Server.Countme;
using Pinger.Server.Publishing;
using Pinger.Server.Storage;

namespace Pinger.Server.Tests.Publishing;

[TestClass]
public sealed class CellSuppressionTests
{
    private static readonly CountingWindow Week = new(WindowKind.Week, new DateOnly(2026, 11, 23));
    private static readonly CountingWindow NextWeek = new(WindowKind.Week, new DateOnly(2026, 11, 30));
    private static readonly SystemTuple Aws = new("fedora", "41", "coreos", "x86_64", "3", "aws");

    [TestMethod]
    public void A_lone_withheld_cell_takes_the_smallest_published_one_of_its_group_with_it()
    {
        var counted = new TotalsSnapshot(
            [new WindowCount(Week, 12), new WindowCount(NextWeek, 2)],
            [
                new TotalsCell(Week, "platform.id", "aws", 6), new TotalsCell(Week, "platform.id", "gcp", 4),
                new TotalsCell(Week, "platform.id", "metal", 2), new TotalsCell(Week, "os.version", "41", 12),
            ],
            [new SystemCount(Week, Aws, 12), new SystemCount(NextWeek, Aws, 2)]);

        var released = new CellSuppression(3).Release(counted);

        CollectionAssert.AreEqual(new[] { new WindowCount(Week, 12) }, released.Reports.ToArray(), "a window's count is a cell of its own");
        CollectionAssert.AreEqual(
            new[] { new TotalsCell(Week, "platform.id", "aws", 6), new TotalsCell(Week, "os.version", "41", 12) },
            released.Cells.ToArray(),
            "metal is withheld, so gcp goes too; os.version is another group");
        CollectionAssert.AreEqual(new[] { new SystemCount(Week, Aws, 12) }, released.Systems.ToArray());
    }

    [TestMethod]
    public void Two_withheld_cells_hide_each_other_and_the_rest_stays()
    {
        var counted = new TotalsSnapshot(
            [],
            [new TotalsCell(Week, "platform.id", "aws", 6), new TotalsCell(Week, "platform.id", "gcp", 1), new TotalsCell(Week, "platform.id", "metal", 2)],
            []);

        var released = new CellSuppression(3).Release(counted);

        CollectionAssert.AreEqual(new[] { new TotalsCell(Week, "platform.id", "aws", 6) }, released.Cells.ToArray());
    }

    [TestMethod]
    public void Countme_rows_are_grouped_by_week()
    {
        var key = new CountmeTotalsKey(Week.Start, "Fedora Linux", "41", "coreos", "x86_64", "2", "fedora-41", "x86_64");
        var rows = new[]
        {
            new CountmeTotal(key, 10), new CountmeTotal(key with { OsArch = "aarch64" }, 5), new CountmeTotal(key with { RepoArch = "ppc64le" }, 1),
            new CountmeTotal(key with { WeekStart = NextWeek.Start }, 4),
        };

        var released = new CellSuppression(3).Release(rows);

        CollectionAssert.AreEqual(new[] { rows[0], rows[3] }, released.ToArray());
        Assert.AreEqual(3L, new CellSuppression(3).MinCount);
    }

    [TestMethod]
    public void The_admin_rule_withholds_nothing_and_states_no_k()
    {
        var counted = new TotalsSnapshot([new WindowCount(Week, 1)], [new TotalsCell(Week, "platform.id", "metal", 1)], [new SystemCount(Week, Aws, 1)]);

        var released = new EveryCount().Release(counted);

        Assert.AreSame(counted, released);
        Assert.IsNull(new EveryCount().MinCount);
    }
}
