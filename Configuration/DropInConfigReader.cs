namespace Pinger.Configuration;

/// <summary>
/// Reads drop-in directories with the Zincati/systemd rules (<see cref="DropInResolver"/>), validates every
/// file against a schema and merges the valid entries: later files override earlier ones. Shared by the
/// client and the server, so both are equally strict.
/// </summary>
public sealed class DropInConfigReader(ConfigSchema schema, KnownProbes probes)
{
    private readonly FragmentValidator _validator = new(schema, probes);

    /// <summary>Reads and merges the drop-ins of <paramref name="directories"/>.</summary>
    public MergedConfig Read(IEnumerable<ConfigDirectory> directories)
    {
        var diagnostics = new List<ConfigDiagnostic>();
        var files = DropInResolver.Resolve(directories);
        var winners = new Dictionary<string, (ConfigEntry Entry, DropInFile File)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var entry in ReadValid(file, diagnostics))
            {
                winners[CanonicalKey(entry)] = (entry, file);
            }
        }

        return new MergedConfig(winners, files, diagnostics);
    }

    /// <summary>The valid entries of one file; its problems are added to <paramref name="diagnostics"/>.</summary>
    public IEnumerable<ConfigEntry> ReadValid(DropInFile file, List<ConfigDiagnostic> diagnostics)
    {
        var text = file.Directory.Files.ReadText(file.Path);
        if (text is null)
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Error, new SourceLocation(file.HostPath, 1, 1), null,
                "the file cannot be read", "check that it is a readable regular file, or mask it with a link to /dev/null"));
            return [];
        }

        var (found, valid) = _validator.Validate(TomlFragmentReader.Read(file.HostPath, text));
        diagnostics.AddRange(found);
        return valid;
    }

    private string CanonicalKey(ConfigEntry entry) =>
        schema.Keys.FirstOrDefault(k => k.MergesInto is not null && k.Key == entry.Key)?.MergesInto ?? entry.Key;
}
