namespace Pinger.Plugins.Sdk.Tests;

[TestClass]
public sealed class IntegerValuesTests
{
    [TestMethod]
    public void Floors_hold_exactly_the_listed_values()
    {
        var values = IntegerValues.Floors(5, 0, 1, 2);

        CollectionAssert.AreEqual(new long[] { 0, 1, 2, 5 }, values.Values.ToArray());
        Assert.IsTrue(values.Contains(5));
        Assert.IsFalse(values.Contains(3));
        Assert.AreEqual(4, values.Count);
        Assert.AreEqual("bucketed to 0, 1, 2 or 5 (the bucket's lower bound)", values.Description);
    }

    [TestMethod]
    public void Powers_of_two_hold_the_powers_between_their_bounds_and_zero_when_asked()
    {
        var values = IntegerValues.PowersOfTwo(1, 16, withZero: true);

        CollectionAssert.AreEqual(new long[] { 0, 1, 2, 4, 8, 16 }, values.Values.ToArray());
        Assert.IsFalse(values.Contains(32));
        Assert.IsFalse(values.Contains(6));
        Assert.AreEqual("a power of two from 1 to 16, or 0", values.Description);
        Assert.ThrowsExactly<ArgumentException>(() => IntegerValues.PowersOfTwo(3, 16));
    }

    [TestMethod]
    public void A_range_holds_every_number_between_its_bounds_and_is_limited_in_size()
    {
        var values = IntegerValues.Range(1, 4);

        Assert.IsTrue(values.Contains(1) && values.Contains(4));
        Assert.IsFalse(values.Contains(0) || values.Contains(5));
        Assert.AreEqual(4, values.Count);
        Assert.AreEqual("a whole number from 1 to 4", values.Description);
        Assert.ThrowsExactly<ArgumentException>(() => IntegerValues.Range(0, long.MaxValue));
        Assert.ThrowsExactly<ArgumentException>(() => IntegerValues.Range(5, 4));
    }

    [TestMethod]
    public void The_count_values_are_what_Coarsen_Count_gives()
    {
        foreach (var raw in new long[] { -3, 0, 1, 4, 19, 999, 1_000_000 })
        {
            Assert.IsTrue(Coarsen.CountValues.Contains(Coarsen.Count(raw)), $"{raw}");
        }

        Assert.AreEqual(Coarsen.CountDescription, Coarsen.CountValues.Description);
    }
}
