namespace Pinger.Server.Dashboard;

/// <summary>The countme chart and the weeks it covers.</summary>
/// <param name="Series">Machines per week, or null when there is no published countme row to show.</param>
/// <param name="FromWeek">The first week of the chart.</param>
/// <param name="ToWeek">The last week of the chart.</param>
/// <param name="Older">
/// Whether the default range had no countme rows, so the chart shows the latest weeks that have some instead
/// (imported history is usually older than the reports).
/// </param>
public sealed record CountmeView(TimeSeries? Series, DateOnly FromWeek, DateOnly ToWeek, bool Older);
