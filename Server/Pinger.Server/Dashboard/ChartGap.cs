namespace Pinger.Server.Dashboard;

/// <summary>Windows a chart's axis skips: the dashed line before bar <paramref name="Index"/>.</summary>
/// <param name="Index">The bar after the gap.</param>
/// <param name="From">The first window left out.</param>
/// <param name="To">The window after the gap (the bar at <paramref name="Index"/>).</param>
/// <param name="Missing">How many windows are left out.</param>
/// <param name="Text">The label on the chart: "12 weeks left out", "5 years left out".</param>
public sealed record ChartGap(int Index, DateOnly From, DateOnly To, int Missing, string Text);
