using Pinger.Plugins.Sdk.Testing;

namespace Pinger.Plugins.Sdk.Tests.Testing;

[TestClass]
public sealed class TemporaryMachineRootTests
{
    [TestMethod]
    public void Writes_files_directories_and_links_that_rooted_files_read_and_is_gone_once_disposed()
    {
        string path;
        using (var root = new TemporaryMachineRoot()
            .Write("/usr/lib/os-release", "ID=fixture\n")
            .Link("/etc/os-release", "/usr/lib/os-release")
            .CreateDirectory("/sys/firmware/efi"))
        {
            path = root.Path;
            var files = new RootedMachineFiles(root.Path);

            Assert.AreEqual("ID=fixture\n", files.ReadText("/etc/os-release"));
            Assert.IsTrue(files.IsDirectory("/sys/firmware/efi"));
        }

        Assert.IsFalse(Directory.Exists(path));
    }
}
