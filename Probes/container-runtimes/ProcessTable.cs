using Pinger.Plugins.Sdk;

namespace Pinger.Probes.ContainerRuntimes;

/// <summary>
/// One pass over <c>/proc</c>: every process's short name (<c>comm</c>, readable by anyone), and the command line
/// only of the few processes that supervise containers. Processes that end during the pass are skipped.
/// </summary>
internal static class ProcessTable
{
    private const string ShimNamePrefix = "containerd-shim"; // comm keeps 15 characters: containerd-shim-runc-v2 reads "containerd-shim"

    public static ContainerProcessCensus Scan(IMachineFiles files, IReadOnlySet<string> installed, CancellationToken cancellationToken)
    {
        var census = new ContainerProcessCensus();
        var daemons = ContainerRuntime.All
            .SelectMany(r => r.DaemonNames.Select(name => (name, r.Token)))
            .ToDictionary(d => d.name, d => d.Token, StringComparer.Ordinal);
        foreach (var entry in files.ListDirectory("/proc"))
        {
            if (!IsProcessId(entry))
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var name = files.ReadText($"/proc/{entry}/comm")?.TrimEnd('\n');
            if (name is null)
            {
                continue;
            }

            census.CountProcess();
            if (name == "conmon")
            {
                if (ContainerProcessOwner.OfConmon(Arguments(files, entry), installed) is { } owner)
                {
                    census.CountContainer(owner);
                }
            }
            else if (name == "conmonrs")
            {
                // conmon-rs supervises a whole pod and only CRI-O uses it.
                census.CountContainer(ContainerRuntime.CriO);
            }
            else if (name.StartsWith(ShimNamePrefix, StringComparison.Ordinal))
            {
                census.CountContainer(ContainerProcessOwner.OfContainerdShim(Arguments(files, entry)));
            }
            else if (daemons.TryGetValue(name, out var runtime))
            {
                census.CountDaemon(runtime);
            }
        }

        return census;
    }

    private static bool IsProcessId(string entry) => entry.Length > 0 && entry.All(char.IsAsciiDigit);

    // The kernel separates arguments with NUL and ends the last one with NUL too.
    private static string[] Arguments(IMachineFiles files, string processId) =>
        files.ReadText($"/proc/{processId}/cmdline")?.Split('\0', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
