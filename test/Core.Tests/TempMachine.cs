namespace Pinger.Core.Tests;

/// <summary>A throwaway directory that stands for a machine's "/", with real files and links.</summary>
internal sealed class TempMachine : IDisposable
{
    public TempMachine()
    {
        Root = Directory.CreateTempSubdirectory("pinger-test-").FullName;
    }

    public string Root { get; }

    /// <summary>The host path of a machine path.</summary>
    public string HostPath(string machinePath) => Root + machinePath;

    public TempMachine Write(string machinePath, string content)
    {
        var path = HostPath(machinePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public TempMachine Link(string machinePath, string target)
    {
        var path = HostPath(machinePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
        return this;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
