using System.Globalization;
using Microsoft.AspNetCore.Http;
using Pinger.Protocol.Reports;
using Pinger.Protocol.Windows;
using Pinger.Server.Storage;

namespace Pinger.Server.Publishing;

/// <summary>The filters of a totals request (<c>window</c>, <c>from</c>, <c>to</c>, <c>field</c>), or what is wrong with them.</summary>
public static class TotalsRequest
{
    /// <summary>The query, or a problem naming the parameter that is wrong.</summary>
    public static (TotalsQuery? Query, ReportProblem? Problem) Parse(IQueryCollection query)
    {
        WindowKind? kind = null;
        if (query["window"].ToString() is { Length: > 0 } name)
        {
            kind = CountingWindow.ParseKind(name);
            if (kind is null)
            {
                return (null, new ReportProblem("window", "must be \"day\", \"week\" or \"month\""));
            }
        }

        var (from, fromOk) = Date(query, "from");
        var (to, toOk) = Date(query, "to");
        if (!fromOk || !toOk)
        {
            return (null, new ReportProblem(fromOk ? "to" : "from", "must be a date written YYYY-MM-DD"));
        }

        var field = query["field"].ToString();
        return (new TotalsQuery(kind, from, to, field.Length > 0 ? field : null), null);
    }

    private static (DateOnly? Date, bool Ok) Date(IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return (null, true);
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? (date, true) : (null, false);
    }
}
