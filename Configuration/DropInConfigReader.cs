namespace Pinger.Configuration;

/// <summary>
/// Reads drop-in directories with the Zincati/systemd rules (<see cref="DropInResolver"/>), validates every
/// file against a schema and merges the valid entries: later files override earlier ones. Shared by the
/// client and the server, so both are equally strict. Reading (<see cref="Parse(IEnumerable{ConfigDirectory})"/>)
/// and checking (<see cref="Merge"/>) are separate steps, so a caller that learns about probes later checks the
/// same parsed files again instead of reading them twice.
/// </summary>
public sealed class DropInConfigReader(ConfigSchema schema, KnownProbes probes)
{
    private readonly FragmentValidator _validator = new(schema, probes);

    /// <summary>Reads, checks and merges the drop-ins of <paramref name="directories"/>.</summary>
    public MergedConfig Read(IEnumerable<ConfigDirectory> directories) => Merge(Parse(directories));

    /// <summary>The drop-ins of <paramref name="directories"/>, each read and parsed, in merge order.</summary>
    public static IReadOnlyList<ParsedDropIn> Parse(IEnumerable<ConfigDirectory> directories) =>
        DropInResolver.Resolve(directories).Select(Parse).ToArray();

    /// <summary>As <see cref="Parse(IEnumerable{ConfigDirectory})"/>, with what was left out and why.</summary>
    public static (IReadOnlyList<ParsedDropIn> Files, IReadOnlyList<ConfigDiagnostic> Notes) ParseWithNotes(IEnumerable<ConfigDirectory> directories)
    {
        var (files, notes) = DropInResolver.Survey(directories);
        return (files.Select(Parse).ToArray(), notes);
    }

    /// <summary>One file, read and parsed.</summary>
    public static ParsedDropIn Parse(DropInFile file)
    {
        var text = file.Directory.Files.ReadText(file.Path);
        if (text is null)
        {
            var unreadable = new ConfigDiagnostic(DiagnosticSeverity.Error, new SourceLocation(file.HostPath, 1, 1), null,
                "the file cannot be read", "check that it is a readable regular file, or mask it with a link to /dev/null");
            return new ParsedDropIn(file, new ConfigFragment(file.HostPath, [], [], [unreadable]));
        }

        return new ParsedDropIn(file, TomlFragmentReader.Read(file.HostPath, text));
    }

    /// <summary>Checks <paramref name="files"/> (in merge order) and merges their valid entries.</summary>
    public MergedConfig Merge(IReadOnlyList<ParsedDropIn> files)
    {
        var diagnostics = new List<ConfigDiagnostic>();
        var winners = new Dictionary<string, (ConfigEntry Entry, DropInFile File)>(StringComparer.Ordinal);
        var valid = new List<(ConfigEntry Entry, DropInFile File)>();
        foreach (var file in files)
        {
            foreach (var entry in ValidEntries(file, diagnostics))
            {
                winners[CanonicalKey(entry)] = (entry, file.File);
                valid.Add((entry, file.File));
            }
        }

        return new MergedConfig(winners, files.Select(f => f.File).ToArray(), diagnostics, valid);
    }

    /// <summary>The valid entries of one file; its problems are added to <paramref name="diagnostics"/>.</summary>
    public IEnumerable<ConfigEntry> ValidEntries(ParsedDropIn file, List<ConfigDiagnostic> diagnostics)
    {
        var (found, valid) = _validator.Validate(file.Fragment);
        diagnostics.AddRange(found);
        return valid;
    }

    private string CanonicalKey(ConfigEntry entry) =>
        schema.Keys.FirstOrDefault(k => k.MergesInto is not null && k.Key == entry.Key)?.MergesInto ?? entry.Key;
}
