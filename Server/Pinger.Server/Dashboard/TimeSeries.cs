using Pinger.Protocol.Windows;

namespace Pinger.Server.Dashboard;

/// <summary>
/// The numbers of one over-time chart, exactly as the page shows them. A window without a published count is open,
/// had no report, or had counts under the threshold: public output cannot tell those apart, so neither can the page.
/// </summary>
/// <param name="Kind">The window kind of its bars.</param>
/// <param name="Windows">Every window start of the axis.</param>
/// <param name="Series">The stacked series, bottom first.</param>
/// <param name="Provisional">The window still open, when the axis reaches it.</param>
public sealed record TimeSeries(
    WindowKind Kind, IReadOnlyList<DateOnly> Windows, IReadOnlyList<SeriesLine> Series, DateOnly? Provisional)
{
    /// <summary>The height of the bar of window <paramref name="index"/>.</summary>
    public long TotalAt(int index) => Series.Sum(s => s.Counts[index]);

    /// <summary>Whether no window has anything to show.</summary>
    public bool IsEmpty => Series.All(s => s.Total == 0);
}
