namespace Pinger.Plugins.Sdk.Testing;

/// <summary>
/// Machine files held in memory, for tests of a single odd case that needs no fixture directory. A directory
/// exists when it was added or holds a file; every node was last written at the Unix epoch.
/// </summary>
public sealed class InMemoryMachineFiles : IMachineFiles
{
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal) { "/" };

    /// <summary>Adds the file <paramref name="path"/> (absolute, such as <c>/proc/cpuinfo</c>) with <paramref name="text"/>.</summary>
    public InMemoryMachineFiles Add(string path, string text)
    {
        _files[path] = text;
        AddDirectory(Parent(path));
        return this;
    }

    /// <summary>Adds the directory <paramref name="path"/> and its parents, empty unless files are added below it.</summary>
    public InMemoryMachineFiles AddDirectory(string path)
    {
        for (var directory = path.TrimEnd('/'); directory.Length > 0; directory = Parent(directory).TrimEnd('/'))
        {
            _directories.Add(directory);
        }

        return this;
    }

    /// <inheritdoc />
    public string? ReadText(string path) => _files.GetValueOrDefault(path);

    /// <inheritdoc />
    public bool Exists(string path) => _files.ContainsKey(path) || IsDirectory(path);

    /// <inheritdoc />
    public bool IsDirectory(string path) => _directories.Contains(path.Length > 1 ? path.TrimEnd('/') : path);

    /// <inheritdoc />
    public IReadOnlyList<string> ListDirectory(string path)
    {
        var prefix = path.TrimEnd('/') + "/";
        return _files.Keys.Concat(_directories)
            .Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && p.Length > prefix.Length && !p[prefix.Length..].Contains('/', StringComparison.Ordinal))
            .Select(p => p[prefix.Length..])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <inheritdoc />
    public DateTimeOffset? LastWriteTime(string path) => Exists(path) ? DateTimeOffset.UnixEpoch : null;

    private static string Parent(string path)
    {
        var slash = path.TrimEnd('/').LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }
}
