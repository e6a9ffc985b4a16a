using Pinger.Plugins.Sdk;
using Pinger.Probes.Testing;

namespace Pinger.Probes.ContainerRuntimes.Tests;

[TestClass]
public sealed class ContainerRuntimesProbeTests
{
    [TestMethod]
    public void Runs_and_emits_only_at_the_full_level_and_is_enabled_by_default()
    {
        var descriptor = new ContainerRuntimesProbe().Descriptor;

        Assert.AreEqual(MetricsLevel.Full, descriptor.MinimumLevel);
        var belowFull = descriptor.Fields.Where(f => f.Level != MetricsLevel.Full).Select(f => f.Name).ToArray();
        Assert.IsEmpty(belowFull, string.Join(", ", belowFull));
        Assert.IsTrue(descriptor.EnabledByDefault);
    }

    [TestMethod]
    public async Task Counts_the_metal_servers_rootful_and_rootless_podman_containers()
    {
        var result = await FixtureRoots.RunAsync(new ContainerRuntimesProbe(), "metal-server");

        ProbeAssert.Collected(result, Counts(podman: 2, docker: 0, containerd: 0, crio: 0)
            .Set("installed", ["containerd", "docker", "podman"])
            .Set("active", ["podman"]));
    }

    [TestMethod]
    public async Task Counts_the_laptops_toolbox_as_one_podman_container()
    {
        var result = await FixtureRoots.RunAsync(new ContainerRuntimesProbe(), "laptop-wifi");

        ProbeAssert.Collected(result, Counts(podman: 1, docker: 0, containerd: 0, crio: 0)
            .Set("installed", ["podman"])
            .Set("active", ["podman"]));
    }

    [TestMethod]
    public async Task Attributes_the_okd_nodes_fourteen_conmon_processes_to_cri_o()
    {
        var result = await FixtureRoots.RunAsync(new ContainerRuntimesProbe(), "okd-node");

        ProbeAssert.Collected(result, Counts(podman: 0, docker: 0, containerd: 0, crio: 10)
            .Set("installed", ["containerd", "cri-o", "docker", "podman"])
            .Set("active", ["cri-o"]));
    }

    [TestMethod]
    public async Task Splits_the_docker_hosts_shims_between_docker_and_containerd_by_namespace()
    {
        var result = await FixtureRoots.RunAsync(new ContainerRuntimesProbe(), "docker-host");

        // 23 shims in the "moby" namespace, 2 in "default".
        ProbeAssert.Collected(result, Counts(podman: 0, docker: 20, containerd: 2, crio: 0)
            .Set("installed", ["containerd", "docker", "podman"])
            .Set("active", ["containerd", "docker"]));
    }

    [TestMethod]
    public async Task Reports_podman_active_on_the_aws_vm_from_its_socket_alone()
    {
        var result = await FixtureRoots.RunAsync(new ContainerRuntimesProbe(), "aws-vm");

        ProbeAssert.Collected(result, Counts(podman: 0, docker: 0, containerd: 0, crio: 0)
            .Set("installed", ["containerd", "docker", "podman"])
            .Set("active", ["podman"]));
    }

    [TestMethod]
    public async Task Reports_nothing_installed_and_leaves_counts_out_when_nothing_can_be_read()
    {
        var context = FixtureRoots.Context("unreadable", new ContainerRuntimesProbe());

        var result = await new ContainerRuntimesProbe().CollectAsync(context, CancellationToken.None);

        // Dangling and looping links, and directories standing where binaries and sockets should be, count as absent.
        ProbeAssert.Collected(result, new FieldValues().Set("installed", Array.Empty<string>()).Set("active", Array.Empty<string>()));
        CollectionAssert.Contains(context.RecordedLog.Lines.ToArray(), "debug: No process could be read under /proc; container counts are left out.");
    }

    [TestMethod]
    public async Task Never_connects_to_anything_nor_runs_a_program()
    {
        var context = FixtureRoots.Context("docker-host", new ContainerRuntimesProbe());

        await new ContainerRuntimesProbe().CollectAsync(context, CancellationToken.None);

        Assert.IsEmpty(context.FakeCommands.Calls);
    }

    private static FieldValues Counts(long podman, long docker, long containerd, long crio) =>
        new FieldValues()
            .Set("podman_containers", podman)
            .Set("docker_containers", docker)
            .Set("containerd_containers", containerd)
            .Set("crio_containers", crio);
}
