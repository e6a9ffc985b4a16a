using Pinger.Protocol.Schema;

namespace Pinger.Server.Registry;

/// <summary>
/// Reads every <c>*.json</c> of the schema directories, and schema files named directly. Like config drop-ins, a
/// file in a later directory replaces the file of the same name in an earlier one, and files are read in name order.
/// </summary>
public static class FieldRegistryLoader
{
    /// <summary>The registry, or throws <see cref="FormatException"/> naming the file that is wrong.</summary>
    public static FieldRegistry Load(IEnumerable<string> directories)
    {
        var probes = new List<ProbeSchema>();
        foreach (var file in Files(directories))
        {
            try
            {
                probes.AddRange(SchemaFile.Read(File.ReadAllText(file)));
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                throw new FormatException($"{file}: {e.Message}", e);
            }
        }

        return new FieldRegistry(probes);
    }

    /// <summary>
    /// The registry a server can count with: at least one probe. Throws <see cref="NoFieldRegistryException"/> saying
    /// which directories were searched, or which file is wrong.
    /// </summary>
    public static FieldRegistry LoadNonEmpty(IReadOnlyList<string> directories)
    {
        FieldRegistry registry;
        try
        {
            registry = Load(directories);
        }
        catch (FormatException e)
        {
            throw new NoFieldRegistryException("the field registry cannot be read: " + e.Message, e);
        }

        return registry.ProbeCount > 0
            ? registry
            : throw new NoFieldRegistryException(
                $"no field registry: no probe in any *.json of {string.Join(", ", directories)}; every report would be refused "
                + "(write one with `pinger schema > DIR/pinger.json`, or name the directories in schema.directories or with --schema-dir)");
    }

    /// <summary>A cheap summary of the files (names, sizes, times): when it changes, the registry is reloaded.</summary>
    public static string Fingerprint(IEnumerable<string> directories) =>
        string.Join('\n', Files(directories).Select(f =>
        {
            var info = new FileInfo(f);
            return $"{f} {info.Length} {info.LastWriteTimeUtc.Ticks}";
        }));

    private static IEnumerable<string> Files(IEnumerable<string> directories)
    {
        var byName = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in directories)
        {
            if (File.Exists(path))
            {
                byName[Path.GetFileName(path)] = path;
                continue;
            }

            if (!Directory.Exists(path))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(path, "*.json"))
            {
                var name = Path.GetFileName(file);
                if (!name.StartsWith('.'))
                {
                    byName[name] = file;
                }
            }
        }

        return byName.Values;
    }
}
