namespace Pinger.Protocol.Windows;

/// <summary>The counting windows a machine reports for: one report counts it once in each window that is due.</summary>
public enum WindowKind
{
    /// <summary>A UTC day.</summary>
    Day,

    /// <summary>A countme week: Monday 00:00 UTC to the next Monday.</summary>
    Week,

    /// <summary>A UTC calendar month.</summary>
    Month,
}
