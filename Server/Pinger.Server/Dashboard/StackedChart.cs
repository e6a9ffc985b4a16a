using System.Globalization;
using System.Text;
using Pinger.Protocol.Windows;

namespace Pinger.Server.Dashboard;

/// <summary>
/// A stacked bar chart as inline SVG, with its text alternatives: a title and a description for screen readers,
/// a tooltip per window, a legend, and the full numbers in a table. Each series is one path of rectangles, so a
/// year of weeks with many series stays a few kilobytes; colours come from the page's <see cref="SeriesPalette"/>.
/// The chart always fits its box (no sideways scrolling, so the value axis stays in view); on a narrow screen the
/// stylesheet enlarges its text and hides every other date label, and value labels are short ("12k").
/// </summary>
public static class StackedChart
{
    private const double Width = 800;
    private const double Height = 300;
    private const double Left = 76;
    private const double Right = 8;
    private const double Top = 36;
    private const double Bottom = 34;
    private const int MaxAxisLabels = 8;

    /// <summary>Writes the chart <paramref name="id"/> titled <paramref name="title"/>.</summary>
    public static void Write(StringBuilder html, TimeSeries series, SeriesPalette palette, string id, string title)
    {
        var windows = series.Windows;
        var totals = windows.Select((_, i) => series.TotalAt(i)).ToArray();
        var scale = ChartScale.For(totals.DefaultIfEmpty(0).Max());
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var slot = plotWidth / Math.Max(1, windows.Count);
        var barWidth = Math.Max(0.5, slot * 0.8);
        double X(int i) => Left + (i * slot) + ((slot - barWidth) / 2);
        double Y(long value) => Top + plotHeight - (plotHeight * value / scale.Max);

        html.Append(CultureInfo.InvariantCulture, $"<figure class=\"chart\" id=\"{id}\">");
        html.Append("<div class=\"plot\">");
        html.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" data-chart=\"{id}\">");
        html.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Html.Encode(title)}</title>");
        html.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{Html.Encode(Describe(series, totals))}</desc>");
        html.Append(CultureInfo.InvariantCulture,
            $"<defs><pattern id=\"{id}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect class=\"hatch\" width=\"2\" height=\"6\"/></pattern></defs>");

        // Gridlines and value labels.
        html.Append("<g class=\"grid\" aria-hidden=\"true\">");
        foreach (var tick in scale.Ticks())
        {
            var y = Html.Coordinate(Y(tick));
            html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y}\" y2=\"{y}\"/>");
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 8}\" y=\"{y}\" dy=\"0.35em\" text-anchor=\"end\" class=\"value\">{Html.Compact(tick)}</text>");
        }

        var every = (int)Math.Ceiling(windows.Count / (double)MaxAxisLabels);
        for (var i = 0; i < windows.Count; i += every)
        {
            // Every other label is "minor": a phone shows only the others, which leaves room for a whole date.
            var minor = (i / every) % 2 == 1 ? " class=\"minor\"" : "";
            html.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{Html.Coordinate(Math.Clamp(X(i) + (barWidth / 2), Left + 40, Width - Right - 40))}\" y=\"{Height - 8}\" text-anchor=\"middle\"{minor}>{AxisLabel(series.Kind, windows[i])}</text>");
        }

        // Windows left out between two bars (weeks without countme totals): a dashed line between them, labelled
        // with how much is left out, so bars years apart never pass for neighbours.
        foreach (var gap in Gaps(series))
        {
            var x = Html.Coordinate(Left + (gap.Index * slot));
            html.Append(CultureInfo.InvariantCulture,
                $"<line class=\"gap\" x1=\"{x}\" x2=\"{x}\" y1=\"{Top - 6}\" y2=\"{Height - Bottom + 6}\"/><text class=\"gap\" x=\"{x}\" y=\"{Top - 10}\" text-anchor=\"middle\">{Html.Encode(gap.Text)}</text>");
        }

        html.Append("</g>");

        // One path per series, stacked bottom up.
        html.Append("<g class=\"bars\">");
        var stacked = new long[windows.Count];
        for (var s = 0; s < series.Series.Count; s++)
        {
            var line = series.Series[s];
            var path = new StringBuilder();
            for (var i = 0; i < windows.Count; i++)
            {
                var count = line.Counts[i];
                if (count <= 0)
                {
                    continue;
                }

                var bottom = Y(stacked[i]);
                stacked[i] += count;
                var top = Y(stacked[i]);
                path.Append(CultureInfo.InvariantCulture,
                    $"M{Html.Coordinate(X(i))} {Html.Coordinate(top)}h{Html.Coordinate(barWidth)}V{Html.Coordinate(bottom)}h-{Html.Coordinate(barWidth)}z");
            }

            html.Append(CultureInfo.InvariantCulture,
                $"<path class=\"{palette.ClassOf(line)}\" d=\"{path}\" data-series=\"{Html.Encode(line.Name)}\" data-count=\"{Html.Raw(line.Total)}\"><title>{Html.Encode(line.Name)}: {Html.Number(line.Total)} in all</title></path>");
        }

        html.Append("</g>");

        // The open window: hatched over its bar, and said in words.
        if (series.Provisional is { } open && windows.ToList().IndexOf(open) is var p and >= 0)
        {
            var top = totals[p] > 0 ? Y(totals[p]) : Top + plotHeight - 2;
            html.Append(CultureInfo.InvariantCulture,
                $"<g class=\"provisional\" data-provisional=\"{Html.Day(open)}\"><rect x=\"{Html.Coordinate(X(p))}\" y=\"{Html.Coordinate(top)}\" width=\"{Html.Coordinate(barWidth)}\" height=\"{Html.Coordinate(Top + plotHeight - top)}\" fill=\"url(#{id}-hatch)\"/>");
            html.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{Html.Coordinate(Math.Min(X(p) + (barWidth / 2), Width - Right - 30))}\" y=\"{Html.Coordinate(Math.Max(Top - 6, top - 6))}\" text-anchor=\"middle\">open</text></g>");
        }

        // A hover target per window, with the window's numbers as its tooltip.
        html.Append("<g class=\"windows\">");
        for (var i = 0; i < windows.Count; i++)
        {
            var provisional = windows[i] == series.Provisional;
            html.Append(CultureInfo.InvariantCulture,
                $"<g data-window=\"{Html.Day(windows[i])}\" data-count=\"{Html.Raw(totals[i])}\"{(provisional ? " data-provisional=\"true\"" : "")}><title>{Html.Encode(Tooltip(series, i, totals[i], provisional))}</title>");
            html.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"hit\" x=\"{Html.Coordinate(Left + (i * slot))}\" y=\"{Top}\" width=\"{Html.Coordinate(slot)}\" height=\"{plotHeight}\"/></g>");
        }

        html.Append("</g></svg></div>");
        WriteGaps(html, series);
        WriteLegend(html, series, palette);
        WriteTable(html, series, id, totals);
        html.Append("</figure>");
    }

    /// <summary>The windows left out of a chart whose axis skips some (countme weeks without totals), one entry per skip.</summary>
    public static IEnumerable<ChartGap> Gaps(TimeSeries series)
    {
        for (var i = 1; i < series.Windows.Count; i++)
        {
            var after = CountingCalendar.Next(series.Kind, series.Windows[i - 1]);
            if (after != series.Windows[i])
            {
                var missing = new WindowRange(series.Kind, after, CountingCalendar.Previous(series.Kind, series.Windows[i]), Explicit: true).Count;
                yield return new ChartGap(i, after, series.Windows[i], missing, GapText(series.Kind, missing));
            }
        }
    }

    private static string GapText(WindowKind kind, int missing) => kind == WindowKind.Week && missing >= 104
        ? $"{Math.Round(missing / 52.18):0} years left out"
        : $"{missing} {WindowNames.Noun(kind)}{(missing == 1 ? "" : "s")} left out";

    private static string AxisLabel(WindowKind kind, DateOnly start) =>
        kind == WindowKind.Month ? start.ToString("yyyy-MM", CultureInfo.InvariantCulture) : Html.Day(start);

    private static string Tooltip(TimeSeries series, int index, long total, bool provisional)
    {
        var name = WindowNames.Name(series.Kind, series.Windows[index]) + (series.Kind == WindowKind.Day ? "" : " (" + WindowNames.Span(series.Kind, series.Windows[index]) + ")");
        if (provisional)
        {
            return $"{name}: still open, published once it has ended";
        }

        if (total == 0)
        {
            return $"{name}: no published count (no machine, or counts under the threshold)";
        }

        var parts = series.Series.Where(s => s.Counts[index] > 0).Reverse().Select(s => $"{s.Name} {Html.Number(s.Counts[index])}");
        return $"{name}: {Html.Number(total)} machines; {string.Join(", ", parts)}";
    }

    // The screen reader's summary: the span, and the latest window's split.
    private static string Describe(TimeSeries series, long[] totals)
    {
        if (series.Windows.Count == 0 || totals.All(t => t == 0))
        {
            return "No published counts in this range.";
        }

        var last = Array.FindLastIndex(totals, t => t > 0);
        var top = series.Series.Where(s => s.Counts[last] > 0).OrderByDescending(s => s.Counts[last]).Take(3)
            .Select(s => $"{s.Name} {Html.Number(s.Counts[last])} ({Html.Percent(s.Counts[last], totals[last])})");
        var contiguous = series.Windows.Count == 1 + series.Windows.Count(w => w > series.Windows[0] && series.Windows.Contains(CountingCalendar.Previous(series.Kind, w)));
        return $"Stacked bars, one per window from {Html.Day(series.Windows[0])} to {Html.Day(series.Windows[^1])}{(contiguous ? "" : " that has data")}. "
            + $"Latest with a count: {WindowNames.Name(series.Kind, series.Windows[last])}{(series.Windows[last] == series.Provisional ? ", still open" : "")}, "
            + $"{Html.Number(totals[last])} machines: {string.Join(", ", top)}. Every number is in the table below the chart.";
    }

    private static void WriteGaps(StringBuilder html, TimeSeries series)
    {
        foreach (var gap in Gaps(series))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<p class=\"note gap\" data-gap-from=\"{Html.Day(gap.From)}\" data-gap-to=\"{Html.Day(gap.To)}\">Between {Html.Day(CountingCalendar.Previous(series.Kind, gap.From))} and {Html.Day(gap.To)} the axis skips {Html.Encode(gap.Text.Replace(" left out", "", StringComparison.Ordinal))} without data (the dashed line).</p>");
        }
    }

    private static void WriteLegend(StringBuilder html, TimeSeries series, SeriesPalette palette)
    {
        html.Append("<ul class=\"legend\">");
        for (var s = series.Series.Count - 1; s >= 0; s--)
        {
            var line = series.Series[s];
            html.Append(CultureInfo.InvariantCulture,
                $"<li data-series=\"{Html.Encode(line.Name)}\"><span class=\"swatch {palette.ClassOf(line)}\"></span>{Html.Encode(line.Name)}</li>");
        }

        if (series.Provisional is not null)
        {
            html.Append("<li><span class=\"swatch hatched\"></span>still open: published once it has ended</li>");
        }

        html.Append("</ul>");
    }

    // Rows for windows with a count only; columns in legend order (top of the stack first).
    private static void WriteTable(StringBuilder html, TimeSeries series, string id, long[] totals)
    {
        var columns = series.Series.Reverse().ToList();
        html.Append("<details class=\"numbers\"><summary>The numbers as a table</summary><div class=\"scroll\">");
        html.Append(CultureInfo.InvariantCulture, $"<table class=\"data\" data-table=\"{id}\"><thead><tr><th scope=\"col\">Window</th>");
        foreach (var line in columns)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\" data-series=\"{Html.Encode(line.Name)}\">{Html.Encode(line.Name)}</th>");
        }

        html.Append("<th scope=\"col\" data-series=\"\">Total</th></tr></thead><tbody>");
        for (var i = series.Windows.Count - 1; i >= 0; i--)
        {
            if (totals[i] == 0)
            {
                continue;
            }

            var open = series.Windows[i] == series.Provisional;
            html.Append(CultureInfo.InvariantCulture,
                $"<tr data-window=\"{Html.Day(series.Windows[i])}\"><th scope=\"row\">{Html.Day(series.Windows[i])}{(open ? " (open)" : "")}</th>");
            foreach (var line in columns)
            {
                html.Append("<td>").Append(Html.Number(line.Counts[i])).Append("</td>");
            }

            html.Append("<td>").Append(Html.Number(totals[i])).Append("</td></tr>");
        }

        html.Append("</tbody></table></div>");
        html.Append("<p class=\"note\">Windows without a published count (open, no machine, or counts under the threshold) are left out.</p></details>");
    }
}
