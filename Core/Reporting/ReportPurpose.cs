namespace Pinger.Core.Reporting;

/// <summary>What the report is built for.</summary>
public enum ReportPurpose
{
    /// <summary>
    /// <c>pinger run</c>: stop before loading plugins when nothing would be sent (no server, nothing due).
    /// </summary>
    Send,

    /// <summary>
    /// <c>pinger --dry-run</c>: build the report a run would send anyway; when nothing is due now, the one the first
    /// run of the next day sends.
    /// </summary>
    Show,
}
