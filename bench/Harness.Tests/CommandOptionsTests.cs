namespace Pinger.Bench.Harness.Tests;

[TestClass]
public sealed class CommandOptionsTests
{
    [TestMethod]
    public void Reads_values_flags_and_lists()
    {
        var options = new CommandOptions(["--runs", "5", "--skip-blackhole", "--sizes", "50, 200"]);

        Assert.AreEqual(5, options.Integer("runs", 30));
        Assert.IsTrue(options.Has("skip-blackhole"));
        CollectionAssert.AreEqual(new[] { "50", "200" }, options.List("sizes").ToArray());
        Assert.AreEqual(20, options.Integer("seconds", 20));
    }

    [TestMethod]
    [DataRow("--runs", "five")]
    [DataRow("--runs", "0")]
    public void A_bad_number_is_refused_with_the_option_and_the_value(string name, string value)
    {
        var error = Assert.ThrowsExactly<HarnessException>(() => new CommandOptions([name, value]).Integer("runs", 30));

        StringAssert.Contains(error.Message, "--runs");
        StringAssert.Contains(error.Message, value);
    }

    [TestMethod]
    public void A_bare_word_is_refused()
    {
        var error = Assert.ThrowsExactly<HarnessException>(() => new CommandOptions(["runs"]));

        StringAssert.Contains(error.Message, "'runs'");
    }
}
