namespace Pinger.Configuration;

/// <summary>One problem found in the configuration, with where it is and how to fix it.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Location">The file, line and column, when the problem is in a file.</param>
/// <param name="Key">The dotted key or section concerned (e.g. <c>reporting.level</c>), when there is one.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Hint">How to fix it, when Pinger can tell.</param>
public sealed record ConfigDiagnostic(
    DiagnosticSeverity Severity, SourceLocation? Location, string? Key, string Message, string? Hint = null)
{
    /// <summary>Formatted like a compiler message: <c>error: file:line:col: 'key': message (hint: …)</c>.</summary>
    public override string ToString() => Severity switch
    {
        DiagnosticSeverity.Error => "error: ",
        DiagnosticSeverity.Warning => "warning: ",
        _ => "note: ",
    } + Describe();

    /// <summary>The message without its severity: <c>file:line:col: 'key': message (hint: …)</c>.</summary>
    public string Describe()
    {
        var where = Location is null ? string.Empty : Location + ": ";
        var key = Key is null ? string.Empty : $"'{Key}': ";
        var hint = Hint is null ? string.Empty : $" (hint: {Hint})";
        return $"{where}{key}{Message}{hint}";
    }
}
