namespace Pinger.Probes.FullLevel.Tests;

/// <summary>A machine root built by a test in a temporary directory and deleted afterwards.</summary>
internal sealed class TemporaryRoot : IDisposable
{
    public TemporaryRoot()
    {
        Path = Directory.CreateTempSubdirectory("pinger-root-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="content"/> at machine path <paramref name="path"/>, creating directories.</summary>
    public TemporaryRoot Write(string path, string content)
    {
        var hostPath = HostPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(hostPath)!);
        File.WriteAllText(hostPath, content);
        return this;
    }

    public TemporaryRoot CreateDirectory(string path)
    {
        Directory.CreateDirectory(HostPath(path));
        return this;
    }

    /// <summary>Copies file <paramref name="path"/> of fixture root <paramref name="fixtureRoot"/> to the same path here.</summary>
    public TemporaryRoot CopyFrom(string fixtureRoot, string path) =>
        Write(path, File.ReadAllText(System.IO.Path.Combine(Fixtures.Root(fixtureRoot), path.TrimStart('/'))));

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private string HostPath(string path) => System.IO.Path.Combine(Path, path.TrimStart('/'));
}
