namespace Pinger.Plugins.Sdk.Tests;

[TestClass]
public sealed class RootedMachineFilesTests
{
    private string _root = null!;

    [TestInitialize]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("pinger-rooted-").FullName;

    [TestCleanup]
    public void RemoveRoot() => Directory.Delete(_root, recursive: true);

    [TestMethod]
    public void An_absolute_link_resolves_inside_the_root_not_on_the_host()
    {
        Write("/usr/lib/os-release", "ID=fixture\n");
        Link("/etc/os-release", "/usr/lib/os-release");

        var text = new RootedMachineFiles(_root).ReadText("/etc/os-release");

        Assert.AreEqual("ID=fixture\n", text);
    }

    [TestMethod]
    public void Parent_references_stop_at_the_root()
    {
        Write("/etc/hostname-like", "inside\n");
        Link("/a/b/escape", "../../../../../../etc/hostname-like");

        var files = new RootedMachineFiles(_root);

        Assert.AreEqual("inside\n", files.ReadText("/a/b/escape"));
        Assert.AreEqual("inside\n", files.ReadText("/../../etc/hostname-like"));
    }

    [TestMethod]
    public void A_link_to_an_absolute_host_path_that_exists_only_on_the_host_is_not_followed_out()
    {
        Link("/etc/passwd-copy", "/etc/passwd");

        var files = new RootedMachineFiles(_root);

        Assert.IsNull(files.ReadText("/etc/passwd-copy"));
        Assert.IsFalse(files.Exists("/etc/passwd-copy"));
    }

    [TestMethod]
    public void Linked_directories_resolve_component_by_component()
    {
        Write("/sys/devices/pci0000:00/net/eth0/type", "1\n");
        Link("/sys/class/net/eth0", "../../devices/pci0000:00/net/eth0");

        var files = new RootedMachineFiles(_root);

        Assert.AreEqual("1\n", files.ReadText("/sys/class/net/eth0/type"));
        Assert.IsTrue(files.IsDirectory("/sys/class/net/eth0"));
        CollectionAssert.AreEqual(new[] { "type" }, files.ListDirectory("/sys/class/net/eth0").ToArray());
    }

    [TestMethod]
    public void A_link_loop_reads_as_absent()
    {
        Link("/etc/a", "/etc/b");
        Link("/etc/b", "/etc/a");

        var files = new RootedMachineFiles(_root);

        Assert.IsNull(files.ReadText("/etc/a"));
        Assert.IsNull(files.Resolve("/etc/a"));
        Assert.IsFalse(files.Exists("/etc/a"));
    }

    [TestMethod]
    public void Missing_files_and_directories_read_as_absent_and_lists_are_sorted()
    {
        Write("/d/b", "");
        Write("/d/a", "");
        Directory.CreateDirectory(_root + "/d/c");

        var files = new RootedMachineFiles(_root);

        Assert.IsNull(files.ReadText("/nope"));
        Assert.IsNull(files.ReadText("/d/c"), "a directory is not a readable file");
        Assert.IsEmpty(files.ListDirectory("/nope"));
        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, files.ListDirectory("/d").ToArray());
        Assert.IsNull(files.LastWriteTime("/nope"));
        Assert.IsNotNull(files.LastWriteTime("/d/a"));
    }

    [TestMethod]
    public void The_link_target_is_reported_as_written()
    {
        Link("/etc/pinger/config.d/10-defaults.toml", "/dev/null");

        Assert.AreEqual("/dev/null", new RootedMachineFiles(_root).LinkTarget("/etc/pinger/config.d/10-defaults.toml"));
    }

    private void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_root + path)!);
        File.WriteAllText(_root + path, text);
    }

    private void Link(string path, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_root + path)!);
        File.CreateSymbolicLink(_root + path, target);
    }
}
