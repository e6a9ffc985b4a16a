namespace Pinger.Configuration;

/// <summary>
/// Applies the drop-in rules Zincati and systemd use: only <c>*.toml</c>, dotfiles ignored, a file in a later
/// directory replaces the same name in an earlier one, a link to <c>/dev/null</c> masks the name, and the
/// survivors are merged in lexical (ordinal) order of their names. Nothing is skipped in silence: every file
/// ignored, masked or replaced is described (<see cref="Survey"/>).
/// </summary>
public static class DropInResolver
{
    /// <summary>The files to merge, in merge order.</summary>
    public static IReadOnlyList<DropInFile> Resolve(IEnumerable<ConfigDirectory> directories) => Survey(directories).Files;

    /// <summary>The files to merge, in merge order, and a note or warning for every file left out and why.</summary>
    public static (IReadOnlyList<DropInFile> Files, IReadOnlyList<ConfigDiagnostic> Notes) Survey(IEnumerable<ConfigDirectory> directories)
    {
        var byName = new SortedDictionary<string, DropInFile?>(StringComparer.Ordinal);
        var seen = new Dictionary<string, List<DropInFile>>(StringComparer.Ordinal);
        var notes = new List<ConfigDiagnostic>();
        foreach (var directory in directories)
        {
            if (directory.MustExist && !directory.Files.IsDirectory(directory.Path))
            {
                notes.Add(Warning(directory.HostPath, "the config directory does not exist, so no file is read from it", "check the path given on the command line"));
                continue;
            }

            foreach (var name in directory.Files.ListDirectory(directory.Path))
            {
                var file = new DropInFile(name, directory);
                if (name.StartsWith('.'))
                {
                    continue;
                }

                if (!name.EndsWith(".toml", StringComparison.Ordinal))
                {
                    notes.Add(Warning(file.HostPath, "ignored: only files whose names end in .toml are read", $"rename it to {Path.GetFileNameWithoutExtension(name)}.toml if it is meant as a drop-in"));
                    continue;
                }

                var earlier = seen.TryGetValue(name, out var list) ? list : seen[name] = [];
                if (directory.Files.LinkTarget(file.Path) == "/dev/null")
                {
                    notes.Add(Note(file.HostPath, earlier.Count == 0
                        ? "a link to /dev/null: masks nothing yet (no earlier file has this name)"
                        : $"a link to /dev/null: masks {string.Join(", ", earlier.Select(e => e.HostPath))}"));
                    byName[name] = null;
                }
                else if (directory.Files.IsDirectory(file.Path))
                {
                    notes.Add(Warning(file.HostPath, "ignored: a directory, not a file", "drop-ins are regular files; move its contents up one level"));
                    continue;
                }
                else
                {
                    if (earlier.Count > 0)
                    {
                        notes.Add(Note(file.HostPath, $"replaces {string.Join(", ", earlier.Select(e => e.HostPath))} (same name, later directory)"));
                    }

                    byName[name] = file;
                }

                earlier.Add(file);
            }
        }

        return (byName.Values.OfType<DropInFile>().ToArray(), notes);
    }

    private static ConfigDiagnostic Warning(string path, string message, string hint) =>
        new(DiagnosticSeverity.Warning, null, null, $"{path}: {message}", hint);

    private static ConfigDiagnostic Note(string path, string message) =>
        new(DiagnosticSeverity.Note, null, null, $"{path}: {message}");
}
