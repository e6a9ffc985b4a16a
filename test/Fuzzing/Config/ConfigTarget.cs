using Pinger.Configuration;
using Pinger.Core.Config;

namespace Pinger.Fuzzing.Config;

/// <summary>
/// One drop-in through <see cref="TomlFragmentReader"/> and <see cref="FragmentValidator"/>, decoded as the host
/// reads files (UTF-8 unless a byte order mark says otherwise, bad bytes replaced). The documented outcome is a list
/// of diagnostics, each error naming this file and a line in it; any exception, or an error without its place, is a
/// crash.
/// </summary>
internal sealed class ConfigTarget(KnownProbes probes)
{
    private const string File = "/etc/pinger/config.d/50-fuzz.toml";

    private readonly FragmentValidator _validator = new(ClientConfigSchema.Instance, probes);

    public string Check(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes));
        var text = reader.ReadToEnd();
        var (diagnostics, valid) = _validator.Validate(TomlFragmentReader.Read(File, text));
        var lines = text.Count(c => c == '\n') + 1;
        foreach (var error in diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            if (error.Location is not { } location || location.File != File || location.Line < 1 || location.Line > lines)
            {
                throw new InvalidOperationException($"an error without its place in the file ({lines} lines): {error}");
            }
        }

        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        return errors == 0 ? $"valid ({valid.Count} entries)" : $"{errors} errors, first: {diagnostics.First(d => d.Severity == DiagnosticSeverity.Error)}";
    }
}
