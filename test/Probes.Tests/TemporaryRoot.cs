namespace Pinger.Probes.Tests;

/// <summary>A throw-away machine root for a single odd case that no named fixture root should carry.</summary>
internal sealed class TemporaryRoot : IDisposable
{
    public TemporaryRoot()
    {
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "pinger-root-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes <paramref name="text"/> at <paramref name="machinePath"/> (such as /etc/os-release).</summary>
    public TemporaryRoot Write(string machinePath, string text)
    {
        var hostPath = HostPath(machinePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(hostPath)!);
        File.WriteAllText(hostPath, text);
        return this;
    }

    /// <summary>Makes <paramref name="machinePath"/> a symbolic link to <paramref name="target"/>, written as given.</summary>
    public TemporaryRoot Link(string machinePath, string target)
    {
        var hostPath = HostPath(machinePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(hostPath)!);
        File.CreateSymbolicLink(hostPath, target);
        return this;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private string HostPath(string machinePath) => Path.Combine(Directory, machinePath.TrimStart('/'));
}
