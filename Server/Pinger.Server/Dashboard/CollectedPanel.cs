using System.Globalization;
using System.Text;
using Pinger.Plugins.Sdk;
using Pinger.Protocol.Reports;
using Pinger.Server.Registry;

namespace Pinger.Server.Dashboard;

/// <summary>
/// "What is collected and how it is used", written from the field registry the server checks reports against:
/// the same probe and field descriptions docs/metrics.md is generated from, so the page cannot promise less than
/// the server accepts. Ends with how a machine opts out.
/// </summary>
public static class CollectedPanel
{
    /// <summary>Writes the panel.</summary>
    public static void Write(StringBuilder html, FieldRegistry registry, decimal epsilon)
    {
        html.Append("<section id=\"collected\" aria-labelledby=\"collected-h\"><h2 id=\"collected-h\">What is collected and how it is used</h2>");
        html.Append("<p>A machine running <code>pinger</code> sends one small report per day, week and month. The server counts it in "
            + "each window and keeps the counts only: no report, no address, no User-Agent, no host name, nothing finer than a window. "
            + "Every value is one a probe declares below, from a fixed list or a strict pattern; nothing identifies a machine.</p>");
        html.Append(CultureInfo.InvariantCulture,
            $"<p>Everything published, this page included, is released once per ended window with random noise added (differential privacy, ε = {epsilon.ToString(CultureInfo.InvariantCulture)} per window), ");
        html.Append("so no figure tells whether any one machine reported; small noisy counts are withheld. Countme totals are exact, for complete weeks only. "
            + "The project's docs/privacy.md says what each party can learn and how to check it.</p>");
        html.Append("<ul><li><code>minimal</code> (the default): the fields marked minimal, enough to count the installed base.</li>"
            + "<li><code>full</code>: every field below.</li>"
            + "<li><code>off</code>: nothing is collected or sent, and no probe is even loaded.</li></ul>");

        if (registry.Probes.Count == 0)
        {
            html.Append("<p>This server has no field registry loaded, so it accepts no report.</p>");
        }

        foreach (var probe in registry.Probes)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<details class=\"probe\"><summary><code>{Html.Encode(probe.ProbeId)}</code>: {Html.Encode(probe.Description)}</summary><dl>");
            foreach (var field in probe.Fields.OrderBy(f => f.Level).ThenBy(f => f.Name, StringComparer.Ordinal))
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<dt><code>{Html.Encode(field.Name)}</code> <span class=\"level\">{LevelNames.Of(field.Level)}</span>{(field.Type == FieldType.TextList ? " <span class=\"level\">list</span>" : "")}</dt>");
                html.Append(CultureInfo.InvariantCulture, $"<dd>{Html.Encode(field.Description)}</dd>");
            }

            html.Append("</dl></details>");
        }

        html.Append("<h3>Opting out</h3><p>To stop a machine from reporting, write one file and it sends nothing from then on:</p>");
        html.Append("<pre><code># /etc/pinger/config.d/90-disable.toml\n[reporting]\nlevel = \"off\"</code></pre>");
        html.Append("<p><code>pinger check-config</code> shows the level in force, <code>pinger --dry-run</code> prints exactly what "
            + "would be sent, and <code>pinger probes</code> lists every probe and field.</p></section>");
    }
}
