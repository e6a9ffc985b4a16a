namespace Pinger.Host.Cli;

/// <summary>How <c>pinger --dry-run</c> prints the report.</summary>
public enum ReportFormat
{
    /// <summary>The report's JSON, exactly the bytes <c>pinger run</c> sends.</summary>
    Json,

    /// <summary>The report's values as OpenMetrics text, without its windows and nonce.</summary>
    OpenMetrics,
}
