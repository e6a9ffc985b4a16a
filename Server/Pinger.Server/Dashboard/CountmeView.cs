namespace Pinger.Server.Dashboard;

/// <summary>The countme chart and the weeks it covers.</summary>
/// <param name="Series">Machines per week, or null when there is no published countme row to show.</param>
/// <param name="FromWeek">The first week of the chart.</param>
/// <param name="ToWeek">The last week of the chart.</param>
/// <param name="LatestWithData">
/// Whether the chart shows the latest weeks that have countme totals rather than every week of a range (the
/// default view, since imported history is often older than the reports, or has gaps).
/// </param>
public sealed record CountmeView(TimeSeries? Series, DateOnly FromWeek, DateOnly ToWeek, bool LatestWithData);
