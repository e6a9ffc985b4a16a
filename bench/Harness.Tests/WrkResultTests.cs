using Pinger.Bench.Harness.Parsing;

namespace Pinger.Bench.Harness.Tests;

[TestClass]
public sealed class WrkResultTests
{
    [TestMethod]
    public void Reads_the_rate_the_99th_percentile_and_the_errors_of_wrk_latency_output()
    {
        var result = WrkResult.Parse(Fixture.Text("wrk-latency.txt"));

        Assert.AreEqual(26581.93, result.RequestsPerSecond, 1e-9);
        Assert.AreEqual("2.71ms", result.P99);
        Assert.AreEqual(2.71, result.P99Milliseconds, 1e-9);
        Assert.AreEqual(12L, result.Non2xx);
    }

    [TestMethod]
    [DataRow("812.00us", 0.812)]
    [DataRow("1.20ms", 1.2)]
    [DataRow("2.01s", 2010.0)]
    [DataRow("1.50m", 90_000.0)]
    public void Converts_each_latency_unit_to_milliseconds(string text, double milliseconds)
    {
        Assert.AreEqual(milliseconds, WrkResult.ToMilliseconds(text), 1e-9);
    }

    [TestMethod]
    public void An_unknown_latency_unit_is_refused_with_the_value()
    {
        var error = Assert.ThrowsExactly<HarnessException>(() => WrkResult.ToMilliseconds("3.1h"));

        StringAssert.Contains(error.Message, "3.1h");
    }

    [TestMethod]
    public void Several_runs_at_once_add_their_rates_and_errors_and_keep_the_worst_p99()
    {
        var sum = WrkResult.Sum([new WrkResult(1000, "1.00ms", 1, 2), new WrkResult(1500, "4.00ms", 4, 3)]);

        Assert.AreEqual(new WrkResult(2500, "4.00ms", 4, 5), sum);
    }

    [TestMethod]
    public void Output_without_figures_reads_as_nothing_measured()
    {
        var result = WrkResult.Parse("unable to connect to 127.0.0.1:1 Connection refused\n");

        Assert.AreEqual(0, result.RequestsPerSecond);
        Assert.AreEqual("n/a", result.P99);
        Assert.IsTrue(double.IsNaN(result.P99Milliseconds));
    }
}
