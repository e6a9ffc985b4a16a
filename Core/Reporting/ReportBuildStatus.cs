namespace Pinger.Core.Reporting;

/// <summary>Where the report pipeline stopped.</summary>
public enum ReportBuildStatus
{
    /// <summary>The report was built.</summary>
    Built,

    /// <summary>The level is off: no plugin was loaded and the state was not read.</summary>
    ReportingOff,

    /// <summary>No server is configured, so a run would send nothing (only when sending).</summary>
    NoServer,

    /// <summary>The current day, week and month are counted already (only when sending).</summary>
    AlreadyCounted,

    /// <summary>The configuration, probe tables included, has errors.</summary>
    InvalidConfig,
}
