namespace Pinger.Configuration;

/// <summary>What the drop-ins say once merged: the winning entry of each key, the files read, and every diagnostic.</summary>
/// <param name="Winners">The last valid entry of each key (old spellings under the key they merge into), with its file.</param>
/// <param name="Files">The files read, in merge order.</param>
/// <param name="Diagnostics">Every error and warning, file by file.</param>
/// <param name="Valid">Every valid entry of every file, in merge order, even those a later file overrode: some
/// settings (an opt-out) are decided by all the files that mention them, not by the last.</param>
public sealed record MergedConfig(
    IReadOnlyDictionary<string, (ConfigEntry Entry, DropInFile File)> Winners,
    IReadOnlyList<DropInFile> Files,
    IReadOnlyList<ConfigDiagnostic> Diagnostics,
    IReadOnlyList<(ConfigEntry Entry, DropInFile File)> Valid)
{
    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The winning entry of <paramref name="key"/>, or null when no file sets it.</summary>
    public ConfigEntry? Get(string key) => Winners.TryGetValue(key, out var winner) ? winner.Entry : null;
}
