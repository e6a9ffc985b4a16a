using Pinger.Plugins.Sdk;

namespace Pinger.Probes.ContainerRuntimes;

/// <summary>
/// Which container engines are installed and active, and roughly how many containers each runs. It only looks
/// at files: it never connects to an engine's socket, which could start a socket-activated daemon, and needs no
/// root. Rootless podman's per-user sockets are not looked for; its containers are counted through conmon.
/// </summary>
public sealed class ContainerRuntimesProbe : IProbe
{
    /// <inheritdoc />
    public ProbeDescriptor Descriptor { get; } = new(
        "container-runtimes",
        "Which container engines (podman, docker, containerd, CRI-O) are installed and active, and how many containers run.",
        MetricsLevel.Full,
        enabledByDefault: true,
        TimeSpan.FromSeconds(10),
        ContainerRuntimesFields.All);

    /// <inheritdoc />
    public Task<ProbeResult> CollectAsync(IProbeContext context, CancellationToken cancellationToken)
    {
        var files = context.Files;
        var installed = ContainerRuntime.All.Where(r => r.Binaries.Any(b => IsFile(files, b))).Select(r => r.Token).ToHashSet(StringComparer.Ordinal);
        var census = ProcessTable.Scan(files, installed, cancellationToken);
        var active = ContainerRuntime.All
            .Where(r => r.Sockets.Any(s => IsFile(files, s)) || census.RunningDaemons.Contains(r.Token) || census.Containers[r.Token] > 0)
            .Select(r => r.Token);

        var values = new FieldValues()
            .Set(ContainerRuntimesFields.Installed, installed)
            .Set(ContainerRuntimesFields.Active, active);

        // With no process readable (hidden /proc), a count of 0 would be a guess: leave the counts out.
        if (census.ProcessesRead == 0)
        {
            context.Log.Debug("No process could be read under /proc; container counts are left out.");
            return Task.FromResult(ProbeResult.Collected(values));
        }

        foreach (var (runtime, field) in ContainerRuntimesFields.CountFields)
        {
            values.Set(field, Coarsen.Count(census.Containers[runtime]));
        }

        return Task.FromResult(ProbeResult.Collected(values));
    }

    // A socket or binary is any non-directory node: a directory at that path is not one.
    private static bool IsFile(IMachineFiles files, string path) => files.Exists(path) && !files.IsDirectory(path);
}
