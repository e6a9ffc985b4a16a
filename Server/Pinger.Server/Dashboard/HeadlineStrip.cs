using System.Globalization;
using System.Text;

namespace Pinger.Server.Dashboard;

/// <summary>
/// The strip at the top of the page: one figure per window kind (machines counted yesterday, last week, last month)
/// with the change against the window before. Each figure carries its window and count as data attributes, the
/// same numbers /v1/totals gives for those windows.
/// </summary>
public static class HeadlineStrip
{
    /// <summary>Writes the strip for <paramref name="figures"/>.</summary>
    public static void Write(StringBuilder html, IReadOnlyList<HeadlineFigure> figures)
    {
        html.Append("<section id=\"headline\" aria-labelledby=\"headline-h\"><h2 id=\"headline-h\" class=\"quiet\">Machines counted</h2><ul class=\"headline\">");
        foreach (var figure in figures)
        {
            var window = figure.Window;
            html.Append(CultureInfo.InvariantCulture,
                $"<li data-kind=\"{window.KindName}\" data-window=\"{window.StartText}\"{(figure.Machines is { } n ? $" data-count=\"{Html.Raw(n)}\"" : "")}>");
            html.Append(CultureInfo.InvariantCulture,
                $"<span class=\"what\">{WindowNames.LastClosed(window.Kind)}</span><span class=\"when\">{Html.Encode(WindowNames.Name(window.Kind, window.Start))}</span>");
            html.Append(CultureInfo.InvariantCulture, $"<strong class=\"figure\">{(figure.Machines is { } count ? Html.Number(count) : "\u2014")}</strong>");
            html.Append("<span class=\"change\">").Append(Change(figure)).Append("</span></li>");
        }

        html.Append("</ul></section>");
    }

    private static string Change(HeadlineFigure figure)
    {
        var before = Html.Encode(WindowNames.Name(figure.Previous.Kind, figure.Previous.Start));
        if (figure.Machines is null)
        {
            return "not published: no machine, or under the threshold";
        }

        if (figure.Change is not { } change)
        {
            return $"nothing published for {before}";
        }

        var percent = Math.Abs(change * 100).ToString(Math.Abs(change) < 0.1 ? "0.0" : "0", CultureInfo.InvariantCulture);
        var direction = percent is "0" or "0.0" ? "unchanged" : change > 0 ? "up " + percent + "%" : "down " + percent + "%";
        var sign = change > 0 ? "rise" : "fall";
        return $"<span class=\"{(direction == "unchanged" ? "flat" : sign)}\">{direction}</span> on {before}";
    }
}
