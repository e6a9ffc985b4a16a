namespace Pinger.Host;

/// <summary>The exit statuses of <c>pinger</c>, documented in docs/configuration.md.</summary>
public static class ExitCodes
{
    /// <summary>Everything worked (or reporting is off and nothing had to be done).</summary>
    public const int Ok = 0;

    /// <summary>An unexpected internal error.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;

    /// <summary>The configuration is invalid; nothing was collected or sent.</summary>
    public const int InvalidConfig = 3;

    /// <summary>The report was produced, but some probe failed, was dropped in part, or could not be loaded.</summary>
    public const int PartialReport = 4;

    /// <summary>
    /// Standard output was closed by its reader (<c>pinger probes | head -2</c>): the status a shell shows for a tool
    /// that SIGPIPE stopped (128 + 13), with no message.
    /// </summary>
    public const int OutputClosed = 141;
}
