namespace Pinger.Probes.ContainerRuntimes.Tests;

[TestClass]
public sealed class ContainerProcessOwnerTests
{
    private static readonly HashSet<string> Both = ["podman", "cri-o"];

    [TestMethod]
    public void A_conmon_with_podmans_exit_command_is_podmans()
    {
        string[] arguments = ["/usr/bin/conmon", "-c", "abc", "--exit-dir", "/run/libpod/exits", "--exit-command", "/usr/bin/podman", "--exit-command-arg", "cleanup"];

        Assert.AreEqual("podman", ContainerProcessOwner.OfConmon(arguments, Both));
    }

    [TestMethod]
    public void A_conmon_with_cri_os_directories_is_cri_os()
    {
        string[] arguments = ["/usr/bin/conmon", "-b", "/run/containers/storage/x/userdata", "--exit-dir", "/var/run/crio/exits", "--socket-dir-path", "/var/run/crio"];

        Assert.AreEqual("cri-o", ContainerProcessOwner.OfConmon(arguments, Both));
    }

    [TestMethod]
    public void An_unrecognisable_conmon_belongs_to_the_only_engine_installed_that_uses_conmon_or_to_none()
    {
        string[] arguments = ["/usr/bin/conmon", "-c", "abc"];

        Assert.AreEqual("podman", ContainerProcessOwner.OfConmon(arguments, new HashSet<string> { "podman", "docker" }));
        Assert.AreEqual("cri-o", ContainerProcessOwner.OfConmon(arguments, new HashSet<string> { "cri-o" }));
        Assert.IsNull(ContainerProcessOwner.OfConmon(arguments, Both));
        Assert.IsNull(ContainerProcessOwner.OfConmon([], new HashSet<string>()));
    }

    [TestMethod]
    public void A_shim_in_the_moby_namespace_is_dockers_and_any_other_is_containerds()
    {
        Assert.AreEqual("docker", ContainerProcessOwner.OfContainerdShim(["/usr/bin/containerd-shim-runc-v2", "-namespace", "moby", "-id", "x"]));
        Assert.AreEqual("containerd", ContainerProcessOwner.OfContainerdShim(["/usr/bin/containerd-shim-runc-v2", "-namespace", "k8s.io", "-id", "x"]));
        Assert.AreEqual("containerd", ContainerProcessOwner.OfContainerdShim([]));
    }
}
