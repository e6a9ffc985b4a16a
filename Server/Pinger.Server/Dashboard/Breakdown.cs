namespace Pinger.Server.Dashboard;

/// <summary>What the over-time charts stack their bars by.</summary>
public enum Breakdown
{
    /// <summary>The OS name and version of the countme tuple.</summary>
    Version,

    /// <summary>The platform of the countme tuple (reports only: countme totals carry none).</summary>
    Platform,

    /// <summary>Countme's age bucket.</summary>
    Age,
}
