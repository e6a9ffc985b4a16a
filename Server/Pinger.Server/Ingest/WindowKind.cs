namespace Pinger.Server.Ingest;

/// <summary>The periods a machine is counted in, once each.</summary>
public enum WindowKind
{
    /// <summary>A UTC calendar day.</summary>
    Day,

    /// <summary>A week from Monday 00:00 UTC, aligned with countme's COUNTME_OFFSET.</summary>
    Week,

    /// <summary>A UTC calendar month.</summary>
    Month,
}
