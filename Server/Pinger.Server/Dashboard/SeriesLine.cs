namespace Pinger.Server.Dashboard;

/// <summary>One stacked series: its label and its count in each window of the chart.</summary>
/// <param name="Name">What the series stands for, as shown.</param>
/// <param name="Counts">One count per window, in the chart's window order.</param>
/// <param name="IsOther">Whether it gathers smaller series and withheld rows.</param>
public sealed record SeriesLine(string Name, IReadOnlyList<long> Counts, bool IsOther = false)
{
    /// <summary>The series' label for everything the chart does not name.</summary>
    public const string OtherName = "other";

    /// <summary>The sum over every window.</summary>
    public long Total => Counts.Sum();
}
