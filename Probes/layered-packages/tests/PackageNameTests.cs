namespace Pinger.Probes.LayeredPackages.Tests;

[TestClass]
public sealed class PackageNameTests
{
    [TestMethod]
    [DataRow("htop", "htop")]
    [DataRow(" htop ", "htop")]
    [DataRow("htop.x86_64", "htop")]
    [DataRow("htop-3.3.0-2.fc41.x86_64", "htop")]
    [DataRow("htop-3.3.0-2.fc41", "htop")]
    [DataRow("podman-5:5.3.1-1.fc41.aarch64", "podman")]
    [DataRow("gcc-c++", "gcc-c++")]
    [DataRow("python3.12", "python3.12")]
    [DataRow("qemu-system-aarch64", "qemu-system-aarch64")]
    [DataRow("python3-3par", "python3-3par")]
    public void Keeps_the_name_without_version_release_or_architecture(string spec, string name)
    {
        Assert.AreEqual(name, PackageName.FromSpec(spec));
    }

    [TestMethod]
    [DataRow("/usr/bin/vim")]
    [DataRow("pkgconfig(gtk4)")]
    [DataRow("-rf")]
    [DataRow("")]
    [DataRow("name with spaces")]
    [DataRow("a-name-that-is-far-too-long-to-be-any-real-package-name-in-a-repository-x")]
    public void Refuses_what_is_not_a_package_name(string spec)
    {
        Assert.IsNull(PackageName.FromSpec(spec));
    }
}
