namespace Pinger.Server.Countme;

/// <summary>
/// The weekly totals found in one file. <see cref="ContentSha256"/> is the lowercase hex SHA-256 of the
/// file's bytes as stored (compressed or not), so the server can refuse to import the same file twice.
/// For an access log, <see cref="LinesRead"/> counts every line and <see cref="LinesCounted"/> the
/// countme hits; for a totals file both count data rows.
/// </summary>
public sealed record CountmeImport(
    string ContentSha256,
    IReadOnlyDictionary<CountmeTotalsKey, long> Totals,
    long LinesRead,
    long LinesCounted)
{
    /// <summary>Lines that are not a Combined Log Format line at all, or whose countme hit could not be
    /// read (bad timestamp, non-integer countme, longer than the line limit). Always 0 for totals files.</summary>
    public long LinesMalformed { get; init; }
}
