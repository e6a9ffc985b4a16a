using System.Text;
using Pinger.Protocol.Reports;

namespace Pinger.Server.Dashboard;

/// <summary>The page for a view that cannot be shown: says which parameter is wrong and how, never echoing its value.</summary>
public static class ErrorPage
{
    /// <summary>The page for <paramref name="problem"/>.</summary>
    public static string Render(string heading, ReportProblem problem, string stylesheet)
    {
        var html = new StringBuilder();
        DashboardPage.DocumentStart(html, "Pinger: " + heading, stylesheet);
        html.Append("<main id=\"main\" class=\"problem\"><h1>").Append(Html.Encode(heading)).Append("</h1>");
        html.Append("<p data-problem-field=\"").Append(Html.Encode(problem.Field)).Append("\"><code>").Append(Html.Encode(problem.Field))
            .Append("</code>: ").Append(Html.Encode(problem.Problem)).Append(".</p>");
        html.Append("<p><a href=\"/\">Show the default view</a></p></main></body></html>\n");
        return html.ToString();
    }
}
