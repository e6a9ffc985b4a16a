using Pinger.Plugins.Sdk.Parsing;

namespace Pinger.Plugins.Sdk.Tests.Parsing;

[TestClass]
public sealed class KernelCommandLineTests
{
    [TestMethod]
    public void Takes_the_first_occurrence_of_an_argument()
    {
        var line = "BOOT_IMAGE=(hd0,gpt3)/vmlinuz ignition.platform.id=aws quiet ignition.platform.id=qemu\n";

        Assert.AreEqual("aws", KernelCommandLine.FirstValue(line, "ignition.platform.id"));
    }

    [TestMethod]
    public void Distinguishes_absent_empty_and_bare_arguments()
    {
        const string line = "quiet ignition.platform.id= rw";

        Assert.IsNull(KernelCommandLine.FirstValue(line, "root"));
        Assert.AreEqual(string.Empty, KernelCommandLine.FirstValue(line, "ignition.platform.id"));
        Assert.AreEqual(string.Empty, KernelCommandLine.FirstValue(line, "quiet"));
    }

    [TestMethod]
    public void Keeps_quoted_words_together()
    {
        var arguments = KernelCommandLine.Split("a=\"x y\" b").ToArray();

        CollectionAssert.AreEqual(new[] { "a=x y", "b" }, arguments);
    }
}
