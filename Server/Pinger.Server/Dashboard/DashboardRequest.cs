using Microsoft.AspNetCore.Http;
using Pinger.Protocol.Reports;
using Pinger.Protocol.Windows;
using Pinger.Server.Publishing;

namespace Pinger.Server.Dashboard;

/// <summary>
/// Reads the dashboard's query string. <c>window</c>, <c>from</c> and <c>to</c> are read by the public API's own
/// parser, so the page accepts exactly what /v1/totals accepts and its download links can pass them on unchanged.
/// </summary>
public static class DashboardRequest
{
    /// <summary>The query, or a problem naming the parameter that is wrong (never repeating its value).</summary>
    public static (DashboardQuery? Query, ReportProblem? Problem) Parse(IQueryCollection query)
    {
        var (totals, problem) = TotalsRequest.Parse(query);
        if (totals is null)
        {
            return (null, problem);
        }

        var breakdown = Breakdown.Version;
        if (query["breakdown"].ToString() is { Length: > 0 } name)
        {
            if (Breakdowns.Parse(name) is not { } known)
            {
                return (null, new ReportProblem("breakdown", "must be " + string.Join(", ", Breakdowns.All.Select(b => $"\"{Breakdowns.NameOf(b)}\""))));
            }

            breakdown = known;
        }

        return (new DashboardQuery(totals.Kind ?? WindowKind.Week, breakdown, totals.From, totals.To), null);
    }
}
