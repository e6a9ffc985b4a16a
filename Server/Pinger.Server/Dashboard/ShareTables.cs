using System.Globalization;
using System.Text;
using Pinger.Plugins.Sdk;
using Pinger.Protocol.Reports;

namespace Pinger.Server.Dashboard;

/// <summary>
/// The shares section: per field, a table of its published values with counts, percentages of the window's
/// machines and a bar each. The bars are decoration (the numbers are beside them), so they are hidden from
/// screen readers; their length is an SVG attribute because the page's policy allows no inline style.
/// </summary>
public static class ShareTables
{
    /// <summary>Writes the section for <paramref name="shares"/>.</summary>
    public static void Write(StringBuilder html, WindowShares shares, SeriesPalette palette, string? osId)
    {
        html.Append("<section id=\"shares\" aria-labelledby=\"shares-h\">");
        if (shares.Window is not { } window)
        {
            html.Append("<h2 id=\"shares-h\">Shares</h2><p>No window of this range has a published count.</p></section>");
            return;
        }

        html.Append(CultureInfo.InvariantCulture,
            $"<h2 id=\"shares-h\">Shares {Html.Encode(WindowNames.In(window.Kind, window.Start))}</h2>");
        html.Append(CultureInfo.InvariantCulture,
            $"<p data-window=\"{window.StartText}\" data-count=\"{Html.Raw(shares.Reports)}\">{Html.Number(shares.Reports)} machines reported {Html.Encode(WindowNames.In(window.Kind, window.Start))} ({WindowNames.Span(window.Kind, window.Start)}), the latest {WindowNames.Noun(window.Kind)} of the range with a published count.");
        html.Append(" Counts carry noise, and values whose noisy count is small are withheld, as in the public totals.</p>");
        foreach (var probe in shares.Probes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>{Html.Encode(probe.Probe.ProbeId)}</h3><div class=\"fields\">");
            foreach (var field in probe.Fields)
            {
                WriteField(html, field, shares.Reports, palette, osId);
            }

            html.Append("</div>");
        }

        html.Append("</section>");
    }

    private static void WriteField(StringBuilder html, FieldShares field, long reports, SeriesPalette palette, string? osId)
    {
        var declaration = field.Declaration;
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"field\" data-field=\"{Html.Encode(field.Field)}\">");
        html.Append(CultureInfo.InvariantCulture,
            $"<h4><code>{Html.Encode(declaration.Name)}</code> <span class=\"level\">{LevelNames.Of(declaration.Level)}</span></h4>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"why\">{Html.Encode(declaration.Description)}</p>");
        if (field.IsEmpty)
        {
            html.Append("<p class=\"note\">Nothing published in this window: no machine reported it, or its noisy count fell under the threshold.</p></div>");
            return;
        }

        html.Append(CultureInfo.InvariantCulture,
            $"<table class=\"shares\"><caption>{Html.Encode(field.Field)}</caption><thead><tr><th scope=\"col\">Value</th><th scope=\"col\">Machines</th><th scope=\"col\">Share</th></tr></thead><tbody>");
        foreach (var (value, count) in field.Values)
        {
            // The label people use, with the value as reported beside it when they differ ("bare metal", none).
            var label = ValueLabels.Of(field.Field, value, osId);
            var text = label == value ? Html.Encode(value) : $"{Html.Encode(label)} <code class=\"raw\">{Html.Encode(value)}</code>";
            Row(html, $" data-value=\"{Html.Encode(value)}\" data-label=\"{Html.Encode(label)}\"", text, count, reports, palette.ClassOf(label));
        }

        if (field.FoldedValues > 0)
        {
            var label = $"{Html.Number(field.FoldedValues)} more values";
            Row(html, $" class=\"other\" data-folded=\"{Html.Raw(field.FoldedValues)}\"", label, field.FoldedCount, reports, null);
        }

        if (field.Unattributed is > 0 and var unattributed)
        {
            Row(html, " class=\"other\" data-other=\"withheld\"", "withheld or not reported", unattributed, reports, null);
        }

        html.Append("</tbody></table>");
        if (declaration.Type == FieldType.TextList)
        {
            html.Append("<p class=\"note\">A machine counts once for each item it lists.</p>");
        }

        html.Append("</div>");
    }

    // A value that is also a series of a chart on the page has its bar in that series' colour.
    private static void Row(StringBuilder html, string attributes, string label, long count, long reports, string? colour)
    {
        var width = reports == 0 ? 0 : Math.Min(100, 100.0 * count / reports);
        html.Append(CultureInfo.InvariantCulture,
            $"<tr{attributes} data-count=\"{Html.Raw(count)}\"><th scope=\"row\">{label}</th><td>{Html.Number(count)}</td>");
        html.Append(CultureInfo.InvariantCulture,
            $"<td class=\"share\"><svg class=\"bar\" viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect{(colour is null ? "" : $" class=\"{colour}\"")} width=\"{Html.Coordinate(width)}\" height=\"8\"/></svg>{Html.Percent(count, reports)}</td></tr>");
    }
}
