namespace Pinger.Bench.Harness;

/// <summary>Where things are in the checkout and in the tree the Publish target lays out under artifacts/root/.</summary>
internal sealed class RepositoryLayout
{
    public RepositoryLayout(string root)
    {
        Root = Path.GetFullPath(root);
        Artifacts = Path.Combine(Root, "artifacts");
        Published = Path.Combine(Artifacts, "root");
    }

    public string Root { get; }

    public string Artifacts { get; }

    public string Published { get; }

    public string Pinger => Path.Combine(Published, "usr", "bin", "pinger");

    public string PingerServer => Path.Combine(Published, "usr", "bin", "pinger-server");

    public string ServerSchema => Path.Combine(Published, "usr", "lib", "pinger-server", "schema.d");

    public string Probes => Path.Combine(Published, "usr", "lib", "pinger", "probes");

    /// <summary>The checkout the harness runs in: the current directory, which must hold Pinger.slnx.</summary>
    public static RepositoryLayout FromCurrentDirectory()
    {
        var root = Environment.CurrentDirectory;
        return File.Exists(Path.Combine(root, "Pinger.slnx"))
            ? new RepositoryLayout(root)
            : throw new HarnessException($"{root} holds no Pinger.slnx: run the harness from the repository root (build.cake does)");
    }

    public string InRoot(params string[] parts) => Path.Combine([Root, .. parts]);

    public string InArtifacts(params string[] parts) => Path.Combine([Artifacts, .. parts]);

    /// <summary>A path of the published tree, or a message naming the target that lays it out.</summary>
    public string RequirePublished(string path) =>
        File.Exists(path) || Directory.Exists(path) ? path : throw new HarnessException($"{path} is missing: run ./build.sh --target=Publish first");

    /// <summary>An empty directory at <paramref name="path"/>.</summary>
    public static string Fresh(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
        return path;
    }
}
