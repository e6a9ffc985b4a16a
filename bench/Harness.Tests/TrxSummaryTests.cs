using Pinger.Bench.Harness.Parsing;

namespace Pinger.Bench.Harness.Tests;

[TestClass]
public sealed class TrxSummaryTests
{
    [TestMethod]
    public void Counts_passed_failed_and_ignored_tests_and_names_the_assembly()
    {
        var run = TrxSummary.Read(Fixture.PathOf("passed-failed-ignored.trx"));

        Assert.AreEqual("Pinger.Host.Tests", run.Assembly);
        Assert.AreEqual((2, 1, 1), (run.Passed, run.Failed, run.Skipped));
        Assert.AreEqual("Failed", run.Outcome);
        Assert.IsFalse(run.Broke, "a run whose tests failed still ran to its end");
    }

    [TestMethod]
    public void Lists_each_failure_on_one_line_with_its_message()
    {
        var run = TrxSummary.Read(Fixture.PathOf("passed-failed-ignored.trx"));

        Assert.AreEqual(1, run.Failures.Count);
        Assert.AreEqual("Keeps_the_history: Assert.AreEqual failed. Expected:<3>. Actual:<2>. the history lost a report", run.Failures[0]);
    }

    [TestMethod]
    public void A_crashed_test_host_is_a_run_that_broke_off_even_when_its_tests_passed()
    {
        var run = TrxSummary.Read(Fixture.PathOf("crashed-host.trx"));

        Assert.IsTrue(run.Broke);
        Assert.AreEqual(": The active test run was aborted. Reason: Test host process crashed", run.RunError);
        Assert.AreEqual("crashed-host", run.Assembly, "without a test method naming its code base, the file names the run");
    }

    [TestMethod]
    public void Sums_the_counts_of_several_runs()
    {
        var total = TrxSummary.Sum([TrxSummary.Read(Fixture.PathOf("passed-failed-ignored.trx")), TrxSummary.Read(Fixture.PathOf("crashed-host.trx"))]);

        Assert.AreEqual((3, 1, 1), (total.Passed, total.Failed, total.Skipped));
    }

    [TestMethod]
    public void A_file_without_a_result_summary_is_refused_with_its_name()
    {
        var document = System.Xml.Linq.XDocument.Parse("<TestRun xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\" />");

        var error = Assert.ThrowsExactly<HarnessException>(() => TrxSummary.Parse(document, "pinger_broken"));

        StringAssert.Contains(error.Message, "pinger_broken");
    }
}
