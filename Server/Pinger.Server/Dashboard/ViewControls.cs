using System.Globalization;
using System.Text;
using Pinger.Protocol.Windows;

namespace Pinger.Server.Dashboard;

/// <summary>
/// The page's controls: plain links for the window kind and the breakdown (the current one marked with
/// aria-current) and a GET form for the range, so every view is a URL and works without script.
/// </summary>
public static class ViewControls
{
    /// <summary>Writes the controls for <paramref name="view"/>.</summary>
    public static void Write(StringBuilder html, DashboardView view, DateOnly today)
    {
        var query = view.Query;
        html.Append("<nav class=\"controls\" aria-label=\"What to show\">");
        html.Append("<div class=\"group\"><span class=\"label\" id=\"kind-label\">Windows</span><ul aria-labelledby=\"kind-label\">");
        foreach (var kind in CountingCalendar.Kinds)
        {
            Link(html, DashboardLinks.Switch(view, kind, query.Breakdown), KindTitle(kind), kind == query.Kind);
        }

        html.Append("</ul></div><div class=\"group\"><span class=\"label\" id=\"breakdown-label\">Stacked by</span><ul aria-labelledby=\"breakdown-label\">");
        foreach (var breakdown in Breakdowns.All)
        {
            Link(html, DashboardLinks.Switch(view, query.Kind, breakdown), Breakdowns.Title(breakdown), breakdown == query.Breakdown);
        }

        html.Append("</ul></div><div class=\"group\"><span class=\"label\" id=\"span-label\">Last</span><ul aria-labelledby=\"span-label\">");
        var current = CountingCalendar.StartOf(query.Kind, today);
        foreach (var count in Spans(query.Kind))
        {
            var from = WindowRange.Back(query.Kind, current, count - 1);
            var chosen = view.Range.From == from && view.Range.To == current;
            Link(html, DashboardLinks.Page(query.Kind, query.Breakdown, from), $"{count} {Plural(query.Kind)}", chosen);
        }

        html.Append("</ul></div>");

        // The range form keeps the kind and breakdown; the dates are window starts, as in /v1/totals.
        html.Append("<form class=\"range\" method=\"get\" action=\"/\">");
        html.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"window\" value=\"{CountingWindow.NameOf(query.Kind)}\">");
        html.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"breakdown\" value=\"{Breakdowns.NameOf(query.Breakdown)}\">");
        // Text inputs in ISO form rather than date pickers, which show the browser's locale (12/08/2025) on a page
        // that writes every date as 2025-12-08.
        html.Append(CultureInfo.InvariantCulture,
            $"<label>From <input type=\"text\" name=\"from\" value=\"{Html.Day(view.Range.From)}\" {IsoDate} required></label>");
        html.Append(CultureInfo.InvariantCulture,
            $"<label>To <input type=\"text\" name=\"to\" value=\"{Html.Day(view.Range.To)}\" {IsoDate}></label>");
        html.Append("<span class=\"hint\" id=\"iso-hint\">dates as YYYY-MM-DD</span>");
        html.Append("<button type=\"submit\">Show</button></form></nav>");
    }

    private const string IsoDate =
        "inputmode=\"numeric\" pattern=\"[0-9]{4}-[0-9]{2}-[0-9]{2}\" placeholder=\"YYYY-MM-DD\" size=\"10\" maxlength=\"10\" aria-describedby=\"iso-hint\"";

    private static void Link(StringBuilder html, string href, string text, bool current) =>
        html.Append(CultureInfo.InvariantCulture,
            $"<li><a href=\"{Html.Encode(href)}\"{(current ? " aria-current=\"page\"" : "")}>{Html.Encode(text)}</a></li>");

    private static string KindTitle(WindowKind kind) => kind switch
    {
        WindowKind.Day => "Daily",
        WindowKind.Week => "Weekly",
        _ => "Monthly",
    };

    private static string Plural(WindowKind kind) => kind switch
    {
        WindowKind.Day => "days",
        WindowKind.Week => "weeks",
        _ => "months",
    };

    private static int[] Spans(WindowKind kind) => kind switch
    {
        WindowKind.Day => [14, 60, 180],
        WindowKind.Week => [12, 26, 52, 104],
        _ => [12, 24, 60],
    };
}
