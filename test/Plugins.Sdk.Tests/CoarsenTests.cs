namespace Pinger.Plugins.Sdk.Tests;

[TestClass]
public sealed class CoarsenTests
{
    [TestMethod]
    [DataRow(-3L, 0L)]
    [DataRow(0L, 0L)]
    [DataRow(1L, 1L)]
    [DataRow(4L, 2L)]
    [DataRow(5L, 5L)]
    [DataRow(19L, 10L)]
    [DataRow(999L, 500L)]
    [DataRow(123456L, 1000L)]
    public void Counts_fall_to_the_lower_bound_of_their_bucket(long value, long expected) =>
        Assert.AreEqual(expected, Coarsen.Count(value));

    [TestMethod]
    [DataRow(0L, 0L)]
    [DataRow(1L, 1L)]
    [DataRow(3L, 4L)]
    [DataRow(5L, 4L)]
    [DataRow(6L, 8L)]
    [DataRow(15_500L, 16_384L)]
    [DataRow(11_000L, 8_192L)]
    public void Sizes_round_to_the_nearest_power_of_two_on_a_log_scale(long value, long expected) =>
        Assert.AreEqual(expected, Coarsen.PowerOfTwo(value));

    [TestMethod]
    public void Values_outside_an_allow_list_become_other()
    {
        string[] vendors = ["dell", "lenovo"];

        Assert.AreEqual("dell", Coarsen.AllowListed("dell", vendors));
        Assert.AreEqual("other", Coarsen.AllowListed("Dell Inc.", vendors));
        Assert.AreEqual("unknown", Coarsen.AllowListed(null, vendors, "unknown"));
    }
}
