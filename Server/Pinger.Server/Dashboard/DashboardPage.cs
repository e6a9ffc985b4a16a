using System.Globalization;
using System.Text;
using Pinger.Protocol.Windows;

namespace Pinger.Server.Dashboard;

/// <summary>
/// The whole page as one HTML document: no script, one stylesheet from the same origin, charts as inline SVG.
/// Every number comes from a <see cref="DashboardView"/>, which holds published counts only.
/// </summary>
public static class DashboardPage
{
    /// <summary>The page for <paramref name="view"/>.</summary>
    public static string Render(DashboardView view, DateOnly today, string stylesheet)
    {
        var html = new StringBuilder(64 * 1024);
        DocumentStart(html, "Pinger: machines by release, edition, platform and age", stylesheet);
        html.Append("<header><h1>Pinger</h1><p>Machines by release, edition, platform and age, counted from their own reports "
            + "and released with noise once a window has ended; small noisy counts are withheld.</p></header>");
        html.Append("<main id=\"main\">");
        HeadlineStrip.Write(html, view.Headline);
        ViewControls.Write(html, view, today);
        if (view.IsEmpty)
        {
            WriteEmpty(html, view);
        }
        else
        {
            WriteReports(html, view);
            WriteCountme(html, view);
            ShareTables.Write(html, view.Shares, view.Palette, view.OsId);
        }

        WriteDownloads(html, view);
        CollectedPanel.Write(html, view.Registry, view.Epsilon);
        html.Append("</main><footer><p>This page runs no script and loads nothing from elsewhere. Its numbers are those of "
            + "<a href=\"/v1/totals\">/v1/totals</a>: the same query, the same withholding.</p></footer></body></html>\n");
        return html.ToString();
    }

    /// <summary>The head of a document; shared with the error page.</summary>
    public static void DocumentStart(StringBuilder html, string title, string stylesheet)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{Html.Encode(title)}</title>");
        html.Append(CultureInfo.InvariantCulture, $"<link rel=\"stylesheet\" href=\"{Html.Encode(stylesheet)}\">");
        html.Append("</head><body><a class=\"skip\" href=\"#main\">Skip to the numbers</a>");
    }

    private static string Noun(WindowKind kind) => WindowNames.Noun(kind);

    private static void WriteEmpty(StringBuilder html, DashboardView view)
    {
        html.Append("<section id=\"empty\" class=\"empty\" aria-labelledby=\"empty-h\"><h2 id=\"empty-h\">Nothing to show yet</h2>");
        html.Append(CultureInfo.InvariantCulture, $"<p>No machine has a published count in this range ({Html.Day(view.Range.From)} to {Html.Day(view.Range.To)}). ");
        html.Append("Windows appear here once they have ended and enough machines reported in them for a noisy count to clear its threshold: ");
        html.Append("each runs <code>pinger run</code> from its timer and sends one report per window. ");
        html.Append("Existing countme totals can be loaded with <code>pinger-server import-totals FILE</code>.</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Html.Encode(DashboardLinks.Page(WindowKind.Month, view.Query.Breakdown))}\">Try monthly windows</a> ");
        html.Append("or choose a longer range above.</p></section>");
    }

    private static void WriteReports(StringBuilder html, DashboardView view)
    {
        var kind = view.Range.Kind;
        var breakdown = Breakdowns.Title(view.Query.Breakdown);
        var title = $"Machines per {Noun(kind)}, by {breakdown}";
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"over-time\" aria-labelledby=\"over-time-h\"><h2 id=\"over-time-h\">{Html.Encode(title)}</h2>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Machines that reported in each {Noun(kind)} from {Html.Day(view.Range.From)} to {Html.Day(view.Range.To)}. ");
        html.Append(CultureInfo.InvariantCulture, $"Each bar adds the released counts of the {Html.Encode(breakdown)} values; a value whose noisy count fell under the threshold is in no bar, and \u201cother\u201d gathers the smaller series.");
        if (view.Reports.Provisional is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $" The last {Noun(kind)} is still open (hatched): it is published once it has ended.");
        }

        html.Append("</p>");
        if (view.Reports.IsEmpty)
        {
            html.Append("<p class=\"note\">No window of this range has a published count.</p>");
        }
        else
        {
            StackedChart.Write(html, view.Reports, view.Palette, "reports-chart", title + $", {Html.Day(view.Range.From)} to {Html.Day(view.Range.To)}");
        }

        html.Append("</section>");
    }

    private static void WriteCountme(StringBuilder html, DashboardView view)
    {
        var countme = view.Countme;
        var breakdown = Breakdowns.CountmeBreakdown(view.Query.Breakdown);
        var title = $"Countme: machines per week, by {Breakdowns.Title(breakdown)}";
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"countme\" aria-labelledby=\"countme-h\"><h2 id=\"countme-h\">{Html.Encode(title)}</h2>");
        html.Append("<p>Fedora's countme totals: imported from mirrors-countme and counted from <code>/metalink</code> requests. "
            + "Countme counts each machine once per repository per week; here a machine counts once (the repository with most hits "
            + "for each system description). A separate count from the reports above, so the two need not agree.");
        if (breakdown != view.Query.Breakdown)
        {
            html.Append(CultureInfo.InvariantCulture, $" Countme totals carry no {Breakdowns.Title(view.Query.Breakdown)}, so this chart is stacked by release.");
        }

        if (view.Query.Kind != WindowKind.Week)
        {
            html.Append(" Countme totals are weekly only.");
        }

        if (countme.LatestWithData && countme.Series is { } weeks)
        {
            html.Append(CultureInfo.InvariantCulture,
                $" Shown: the latest {(weeks.Windows.Count == 1 ? "week" : Html.Number(weeks.Windows.Count) + " weeks")} with totals, from {Html.Day(countme.FromWeek)} to {Html.Day(countme.ToWeek)}; a labelled dashed line marks weeks left out between them.");
        }

        html.Append("</p>");
        if (countme.Series is null)
        {
            html.Append("<p class=\"note\">No published countme totals in this range.</p>");
        }
        else
        {
            StackedChart.Write(html, countme.Series, view.Palette, "countme-chart", title + $", {Html.Day(countme.FromWeek)} to {Html.Day(countme.ToWeek)}");
        }

        html.Append("</section>");
    }

    private static void WriteDownloads(StringBuilder html, DashboardView view)
    {
        var range = view.Range;
        html.Append("<section id=\"downloads\" aria-labelledby=\"downloads-h\"><h2 id=\"downloads-h\">Download what is shown</h2><ul>");
        void Item(string href, string text, string what) => html.Append(CultureInfo.InvariantCulture,
            $"<li><a href=\"{Html.Encode(href)}\">{Html.Encode(text)}</a>: {what}</li>");
        Item(DashboardLinks.Totals("/v1/totals", range), "JSON", "reports, field values and countme tuples per window");
        Item(DashboardLinks.Totals("/v1/totals.csv", range), "CSV", "the same counts, one row per window, field and value");
        Item(DashboardLinks.Totals("/v1/systems.csv", range), "Systems CSV", "the countme tuples of reports, which the over-time chart stacks");
        Item("/v1/countme/totals.csv", "Countme CSV", "complete weeks, with mirrors-countme's exact columns");
        html.Append("</ul></section>");
    }
}
