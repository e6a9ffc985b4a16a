namespace Pinger.Host.Campaigns.Tests.Infrastructure;

/// <summary>
/// A temporary directory standing for a machine's root (config drop-ins under it), with its own state and runtime
/// directories beside it; deleted on dispose.
/// </summary>
internal sealed class Machine : IDisposable
{
    public Machine() => Path = Directory.CreateTempSubdirectory("pinger-campaign-").FullName;

    public string Path { get; }

    public string Root => System.IO.Path.Combine(Path, "root");

    public string StateDirectory => System.IO.Path.Combine(Path, "state");

    public string RuntimeDirectory => System.IO.Path.Combine(Path, "run");

    public string ConfigDirectory => System.IO.Path.Combine(Path, "config");

    /// <summary>The host path of <paramref name="machinePath"/> (absolute, as on the machine) below the root.</summary>
    public string HostPath(string machinePath) => System.IO.Path.Combine(Root, machinePath.TrimStart('/'));

    public Machine Write(string machinePath, byte[] content)
    {
        var path = HostPath(machinePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return this;
    }

    public Machine Link(string machinePath, string target)
    {
        var path = HostPath(machinePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
        return this;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
