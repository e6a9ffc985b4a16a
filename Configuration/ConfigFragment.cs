namespace Pinger.Configuration;

/// <summary>What one config file says: its keys and table headers in file order, or why it could not be read.</summary>
/// <param name="File">The file's path.</param>
/// <param name="Entries">Keys with values, in file order.</param>
/// <param name="Tables">Table headers, in file order.</param>
/// <param name="Diagnostics">Syntax and read errors; when any, the entries are not used.</param>
public sealed record ConfigFragment(
    string File,
    IReadOnlyList<ConfigEntry> Entries,
    IReadOnlyList<ConfigTable> Tables,
    IReadOnlyList<ConfigDiagnostic> Diagnostics);
