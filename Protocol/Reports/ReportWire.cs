namespace Pinger.Protocol.Reports;

/// <summary>
/// The report's members as they travel: the one place their names are spelled, for the writer on the client and the
/// reader on the server.
/// </summary>
public static class ReportWire
{
    /// <summary>The report format version. Bump it when a change would make an old server misread a report.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The countme age bucket.</summary>
    public const string Age = "age";

    /// <summary>The level the report was collected at.</summary>
    public const string Level = "level";

    /// <summary>The random nonce that lets a retry count once.</summary>
    public const string Nonce = "nonce";

    /// <summary>Values by probe id, then field name.</summary>
    public const string Probes = "probes";

    /// <summary>The report format version.</summary>
    public const string Schema = "schema";

    /// <summary>The windows the report counts for, by kind name.</summary>
    public const string Windows = "windows";

    /// <summary>Every member a report may hold.</summary>
    public static IReadOnlySet<string> Members { get; } = new HashSet<string>(StringComparer.Ordinal) { Age, Level, Nonce, Probes, Schema, Windows };

    /// <summary>How a window's start date is written.</summary>
    public const string DateFormat = "yyyy-MM-dd";
}
