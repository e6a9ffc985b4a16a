namespace Pinger.Plugins.Sdk.Testing;

/// <summary>
/// A machine root in a new temporary directory, for a test case that no fixture root should carry; deleted on
/// <see cref="Dispose"/>. Pass <see cref="Path"/> to <see cref="FixtureProbeContext"/> or <see cref="RootedMachineFiles"/>.
/// </summary>
public sealed class TemporaryMachineRoot : IDisposable
{
    /// <summary>Creates the empty root.</summary>
    public TemporaryMachineRoot()
    {
        Path = Directory.CreateTempSubdirectory("pinger-root-").FullName;
    }

    /// <summary>The host directory that stands for the machine's "/".</summary>
    public string Path { get; }

    /// <summary>Writes <paramref name="text"/> at <paramref name="machinePath"/> (such as <c>/etc/os-release</c>), creating directories.</summary>
    public TemporaryMachineRoot Write(string machinePath, string text)
    {
        var hostPath = HostPath(machinePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(hostPath)!);
        File.WriteAllText(hostPath, text);
        return this;
    }

    /// <summary>Creates the directory <paramref name="machinePath"/> and its parents.</summary>
    public TemporaryMachineRoot CreateDirectory(string machinePath)
    {
        Directory.CreateDirectory(HostPath(machinePath));
        return this;
    }

    /// <summary>Makes <paramref name="machinePath"/> a symbolic link to <paramref name="target"/>, written as given.</summary>
    public TemporaryMachineRoot Link(string machinePath, string target)
    {
        var hostPath = HostPath(machinePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(hostPath)!);
        File.CreateSymbolicLink(hostPath, target);
        return this;
    }

    /// <summary>Deletes the root and everything written into it.</summary>
    public void Dispose() => Directory.Delete(Path, recursive: true);

    private string HostPath(string machinePath) => System.IO.Path.Combine(Path, machinePath.TrimStart('/'));
}
