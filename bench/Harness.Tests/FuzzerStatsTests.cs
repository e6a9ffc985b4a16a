using Pinger.Bench.Harness.Parsing;

namespace Pinger.Bench.Harness.Tests;

[TestClass]
public sealed class FuzzerStatsTests
{
    [TestMethod]
    public void Reads_executions_corpus_crashes_and_hangs_of_afl_plus_plus_4()
    {
        var stats = FuzzerStats.Parse(Fixture.Text("fuzzer_stats"));

        Assert.AreEqual(new FuzzerStats(2817, 80.31, 143, 0, 1, "97.40%", "3.12%"), stats);
    }

    [TestMethod]
    public void Reads_the_older_names_of_the_counters()
    {
        var stats = FuzzerStats.Parse(Fixture.Text("fuzzer_stats.old"));

        Assert.AreEqual((77L, 2L, 0L), (stats.Corpus, stats.Crashes, stats.Hangs));
        Assert.AreEqual("n/a", stats.Coverage);
    }
}
