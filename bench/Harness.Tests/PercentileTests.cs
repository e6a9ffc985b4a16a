using Pinger.Bench.Harness.Measuring;

namespace Pinger.Bench.Harness.Tests;

[TestClass]
public sealed class PercentileTests
{
    [TestMethod]
    public void Takes_the_nearest_rank_of_the_sorted_samples()
    {
        double[] samples = [9, 1, 5, 3, 7, 2, 8, 4, 6, 10];

        Assert.AreEqual(5, Percentile.Of(samples, 0.5));
        Assert.AreEqual(9, Percentile.Of(samples, 0.9));
        Assert.AreEqual(1, Percentile.Of(samples, 0));
    }

    [TestMethod]
    public void No_samples_make_no_percentile()
    {
        Assert.IsTrue(double.IsNaN(Percentile.Of([], 0.5)));
    }
}
