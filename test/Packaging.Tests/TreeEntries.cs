namespace Pinger.Packaging.Tests;

/// <summary>
/// The entries of a tree as absolute paths of the system it stands for: "/usr/bin/pinger", directories with a
/// trailing "/" ("/etc/pinger/config.d/"), symbolic links as themselves (never followed).
/// </summary>
internal static class TreeEntries
{
    public static SortedSet<string> Of(string root) =>
        new(Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Select(path => Name(root, path)), StringComparer.Ordinal);

    /// <summary><paramref name="entries"/> and every directory above them.</summary>
    public static SortedSet<string> WithParents(IEnumerable<string> entries)
    {
        var all = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            all.Add(entry);
            for (var slash = entry.TrimEnd('/').LastIndexOf('/'); slash > 0; slash = entry.LastIndexOf('/', slash - 1))
            {
                all.Add(entry[..(slash + 1)]);
            }
        }

        return all;
    }

    private static string Name(string root, string path)
    {
        var name = "/" + Path.GetRelativePath(root, path);
        var isDirectory = Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null;
        return isDirectory ? name + "/" : name;
    }
}
