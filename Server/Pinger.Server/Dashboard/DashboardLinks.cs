using Pinger.Protocol.Windows;

namespace Pinger.Server.Dashboard;

/// <summary>
/// The URLs the page links to. Download links carry exactly the page's <c>window</c>, <c>from</c> and <c>to</c>,
/// so they give the rows the charts were drawn from.
/// </summary>
public static class DashboardLinks
{
    /// <summary>The page for another view; without a chosen range the new view gets its own default range.</summary>
    public static string Page(WindowKind kind, Breakdown breakdown, DateOnly? from = null, DateOnly? to = null)
    {
        var query = $"window={CountingWindow.NameOf(kind)}&breakdown={Breakdowns.NameOf(breakdown)}";
        if (from is { } first)
        {
            query += "&from=" + Html.Day(first);
        }

        if (to is { } last)
        {
            query += "&to=" + Html.Day(last);
        }

        return "/?" + query;
    }

    /// <summary>
    /// The same view in another kind or breakdown, keeping a range the visitor chose unless it would be too many
    /// windows of the new kind (two years of weeks are too many days): then the new kind's default range.
    /// </summary>
    public static string Switch(DashboardView view, WindowKind kind, Breakdown breakdown)
    {
        var range = view.Range;
        var same = new WindowRange(kind, CountingCalendar.StartOf(kind, range.From), CountingCalendar.StartOf(kind, range.To), Explicit: true);
        return range.Explicit && same.Count <= WindowRange.MaxWindows ? Page(kind, breakdown, range.From, range.To) : Page(kind, breakdown);
    }

    /// <summary>A public totals endpoint (<paramref name="path"/>) with the chart's window kind and range.</summary>
    public static string Totals(string path, WindowRange range) =>
        $"{path}?window={CountingWindow.NameOf(range.Kind)}&from={Html.Day(range.From)}&to={Html.Day(range.To)}";
}
