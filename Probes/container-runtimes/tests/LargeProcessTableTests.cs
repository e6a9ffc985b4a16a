using System.Diagnostics;
using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Testing;
using Pinger.Probes.Testing;

namespace Pinger.Probes.ContainerRuntimes.Tests;

[TestClass]
public sealed class LargeProcessTableTests
{
    [TestMethod]
    public async Task Counts_every_container_among_five_thousand_processes()
    {
        using var machine = new GeneratedProcessTable(podmanContainers: 237, criOContainers: 61, dockerContainers: 1012, containerdContainers: 5, totalProcesses: 5000);
        var probe = new ContainerRuntimesProbe();
        var context = new FixtureProbeContext(machine.Path, probe.Descriptor);

        var census = ProcessTable.Scan(context.Files, new HashSet<string> { "podman", "cri-o", "docker", "containerd" }, CancellationToken.None);
        var stopwatch = Stopwatch.StartNew();
        var result = await probe.CollectAsync(context, CancellationToken.None);
        stopwatch.Stop();

        Console.WriteLine($"container-runtimes probe over {machine.ProcessCount} processes: {stopwatch.ElapsedMilliseconds} ms (time budget {probe.Descriptor.TimeBudget.TotalSeconds} s)");
        Assert.AreEqual(5000, machine.ProcessCount);
        Assert.AreEqual(5000, census.ProcessesRead);
        CollectionAssert.AreEquivalent(
            new Dictionary<string, int> { ["podman"] = 237, ["cri-o"] = 61, ["docker"] = 1012, ["containerd"] = 5 }.ToArray(),
            census.Containers.ToArray());
        ProbeAssert.Collected(result, new FieldValues()
            .Set("installed", ["containerd", "cri-o", "docker", "podman"])
            .Set("active", ["containerd", "cri-o", "docker", "podman"])
            .Set("podman_containers", 200)
            .Set("crio_containers", 50)
            .Set("docker_containers", 1000)
            .Set("containerd_containers", 5));
    }
}
