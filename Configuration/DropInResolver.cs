namespace Pinger.Configuration;

/// <summary>
/// Applies the drop-in rules Zincati and systemd use: only <c>*.toml</c>, dotfiles ignored, a file in a later
/// directory replaces the same name in an earlier one, a link to <c>/dev/null</c> masks the name, and the
/// survivors are merged in lexical (ordinal) order of their names.
/// </summary>
public static class DropInResolver
{
    /// <summary>The files to merge, in merge order.</summary>
    public static IReadOnlyList<DropInFile> Resolve(IEnumerable<ConfigDirectory> directories)
    {
        var byName = new SortedDictionary<string, DropInFile?>(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            foreach (var name in directory.Files.ListDirectory(directory.Path))
            {
                if (name.StartsWith('.') || !name.EndsWith(".toml", StringComparison.Ordinal))
                {
                    continue;
                }

                var file = new DropInFile(name, directory);
                if (directory.Files.LinkTarget(file.Path) == "/dev/null")
                {
                    byName[name] = null;
                }
                else if (!directory.Files.IsDirectory(file.Path))
                {
                    byName[name] = file;
                }
            }
        }

        return byName.Values.OfType<DropInFile>().ToArray();
    }
}
