namespace Pinger.Server.Countme;

/// <summary>What one access-log line amounts to for countme.</summary>
internal enum AccessLogLineKind
{
    /// <summary>A countme hit: <see cref="AccessLogLine.Key"/> is set.</summary>
    Counted,

    /// <summary>A well-formed line that countme does not count (other path, method, status or client,
    /// or no countme parameter).</summary>
    NotCounted,

    /// <summary>Not a Combined Log Format line, or a countme hit whose fields cannot be read.</summary>
    Malformed,
}
