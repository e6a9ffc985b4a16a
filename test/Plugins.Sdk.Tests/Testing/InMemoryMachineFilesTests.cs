using Pinger.Plugins.Sdk.Testing;

namespace Pinger.Plugins.Sdk.Tests.Testing;

[TestClass]
public sealed class InMemoryMachineFilesTests
{
    [TestMethod]
    public void Answers_like_a_directory_tree_of_the_added_files()
    {
        var files = new InMemoryMachineFiles().Add("/sys/block/sda/size", "8\n").Add("/sys/block/vda/size", "16\n").AddDirectory("/sys/block/sr0");

        Assert.AreEqual("8\n", files.ReadText("/sys/block/sda/size"));
        Assert.IsNull(files.ReadText("/sys/block/sdb/size"));
        Assert.IsTrue(files.IsDirectory("/sys/block"));
        Assert.IsTrue(files.IsDirectory("/sys/block/"));
        Assert.IsFalse(files.IsDirectory("/sys/block/sda/size"));
        Assert.IsTrue(files.Exists("/sys/block/sda/size"));
        Assert.IsFalse(files.Exists("/proc"));
        CollectionAssert.AreEqual(new[] { "sda", "sr0", "vda" }, files.ListDirectory("/sys/block").ToArray());
        CollectionAssert.AreEqual(new[] { "sys" }, files.ListDirectory("/").ToArray());
        Assert.IsEmpty(files.ListDirectory("/proc"));
        Assert.AreEqual(DateTimeOffset.UnixEpoch, files.LastWriteTime("/sys/block/sda/size"));
        Assert.IsNull(files.LastWriteTime("/proc"));
    }
}
