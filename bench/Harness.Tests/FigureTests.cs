using Pinger.Bench.Harness.Parsing;

namespace Pinger.Bench.Harness.Tests;

[TestClass]
public sealed class FigureTests
{
    [TestMethod]
    public void A_figure_survives_its_line_with_and_without_ratio_and_verdict()
    {
        var judged = new Figure("pinger --dry-run peak RSS", "41.2 MiB", 1.0 / 3, "<= 60 MiB", true);
        var measured = new Figure("Ingest, PostgreSQL, 2 instances vs 1", "5120 req/s", null, "(measured)", null);

        Assert.AreEqual(judged, Figure.Parse(judged.ToLine()));
        Assert.AreEqual(measured, Figure.Parse(measured.ToLine()));
    }

    [TestMethod]
    public void Tabs_in_a_text_do_not_shift_the_columns()
    {
        var figure = Figure.Parse(new Figure("a\tb", "1\t2", null, "t", false).ToLine());

        Assert.AreEqual(new Figure("a b", "1 2", null, "t", false), figure);
    }

    [TestMethod]
    [DataRow("only\tfour\t\tcolumns")]
    [DataRow("name\tvalue\t\ttarget\tMAYBE")]
    public void A_malformed_line_is_refused_with_the_reason(string line)
    {
        Assert.ThrowsExactly<HarnessException>(() => Figure.Parse(line));
    }

    [TestMethod]
    public void Campaign_figure_lines_keep_their_order_and_leave_out_malformed_ones()
    {
        var rows = CampaignFigure.ParseAll(["Crash\tkill -9 points (SQLite)\t200", "not a figure", "Load\tsustained rate\t812.5"]);

        CollectionAssert.AreEqual(new[] { new CampaignFigure("Crash", "kill -9 points (SQLite)", "200"), new CampaignFigure("Load", "sustained rate", "812.5") }, rows.ToArray());
    }

    [TestMethod]
    public void Reads_the_rate_and_peak_of_a_countme_import_line_and_nothing_else()
    {
        var line = "access-50.log.gz   50 MB stored  wall 2.1 s 23.8 MB/s  cpu 1.9 s 26.3 MB/s of log text  peak working set 61 MB";

        Assert.AreEqual(("access-50.log.gz", "26.3", "61"), CountmeImportLine.Parse(line));
        Assert.IsNull(CountmeImportLine.Parse("Generating access-50.log (50 MB)"));
    }
}
