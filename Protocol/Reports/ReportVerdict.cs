namespace Pinger.Protocol.Reports;

/// <summary>What reading a report body concluded.</summary>
public enum ReportVerdict
{
    /// <summary>Every check passed.</summary>
    Accepted,

    /// <summary>The body is not a JSON report at all (bad UTF-8, bad JSON, not an object).</summary>
    Malformed,

    /// <summary>A well-formed report that breaks the rules.</summary>
    Invalid,
}
