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

    /// <summary>Access logs: hits dropped because an identical hit (same second, client address, OS fields, age,
    /// repo and arch) was already read in this import, as mirrors-countme's duplicate check drops them.</summary>
    public long HitsRepeated { get; init; }

    /// <summary>Access logs: hits refused because they are dated after the time the import accepts.</summary>
    public long HitsAhead { get; init; }

    /// <summary>Access logs: Unix time of the earliest and latest counted hit, which decide the complete weeks.</summary>
    public long? FirstHitUnixSeconds { get; init; }

    /// <inheritdoc cref="FirstHitUnixSeconds"/>
    public long? LastHitUnixSeconds { get; init; }

    /// <summary>Hits of <see cref="LinesCounted"/> left out by <see cref="CountmeWeekRange.Apply"/>: in a week
    /// before countme began, or not yet complete in the data.</summary>
    public long HitsOutsideCompleteWeeks { get; init; }
}
