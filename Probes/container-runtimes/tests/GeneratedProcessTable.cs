using System.Text;
using Pinger.Plugins.Sdk.Testing;

namespace Pinger.Probes.ContainerRuntimes.Tests;

/// <summary>
/// A machine root with a large <c>/proc</c>, written at test time so that thousands of process directories need
/// not be committed. The mix of processes is fixed, so the expected counts are known exactly.
/// </summary>
internal sealed class GeneratedProcessTable : IDisposable
{
    private static readonly string[] OrdinaryNames = ["bash", "sleep", "nginx", "postgres", "python3", "java", "node", "kworker/3:1-events", "sshd", "crond"];

    private readonly TemporaryMachineRoot _root = new();
    private int _nextProcessId = 1;

    public GeneratedProcessTable(int podmanContainers, int criOContainers, int dockerContainers, int containerdContainers, int totalProcesses)
    {
        foreach (var binary in new[] { "/usr/bin/podman", "/usr/bin/crio", "/usr/bin/dockerd", "/usr/bin/containerd" })
        {
            _root.Write(binary, string.Empty);
        }

        Add("systemd", "/usr/lib/systemd/systemd", "--switched-root", "--system");
        Add("dockerd", "/usr/bin/dockerd", "--host=fd://");
        Add("containerd", "/usr/bin/containerd");
        Add("crio", "/usr/bin/crio");
        for (var i = 0; i < podmanContainers; i++)
        {
            Add("conmon", "/usr/bin/conmon", "-c", Id(i), "--exit-dir", "/run/libpod/exits", "--exit-command", "/usr/bin/podman", "--exit-command-arg", "cleanup");
        }

        for (var i = 0; i < criOContainers; i++)
        {
            Add("conmon", "/usr/bin/conmon", "-c", Id(i), "--exit-dir", "/var/run/crio/exits", "--socket-dir-path", "/var/run/crio", "-s");
        }

        for (var i = 0; i < dockerContainers; i++)
        {
            Add("containerd-shim", "/usr/bin/containerd-shim-runc-v2", "-namespace", "moby", "-id", Id(i), "-address", "/run/containerd/containerd.sock");
        }

        for (var i = 0; i < containerdContainers; i++)
        {
            Add("containerd-shim", "/usr/bin/containerd-shim-runc-v2", "-namespace", "k8s.io", "-id", Id(i), "-address", "/run/containerd/containerd.sock");
        }

        for (var i = 0; _nextProcessId <= totalProcesses; i++)
        {
            var name = OrdinaryNames[i % OrdinaryNames.Length];
            Add(name, "/usr/bin/" + name, "--worker", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public string Path => _root.Path;

    public int ProcessCount => _nextProcessId - 1;

    public void Dispose() => _root.Dispose();

    private void Add(string name, params string[] arguments)
    {
        var directory = $"/proc/{_nextProcessId++}";
        _root.Write($"{directory}/comm", name + "\n");
        _root.Write($"{directory}/cmdline", new StringBuilder().AppendJoin('\0', arguments).Append('\0').ToString());
    }

    private static string Id(int index) => index.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
}
