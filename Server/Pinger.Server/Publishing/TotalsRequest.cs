using System.Globalization;
using Microsoft.AspNetCore.Http;
using Pinger.Plugins.Sdk;
using Pinger.Protocol.Reports;
using Pinger.Protocol.Windows;
using Pinger.Server.Storage;

namespace Pinger.Server.Publishing;

/// <summary>The filters of a totals request (<c>window</c>, <c>from</c>, <c>to</c>, <c>field</c>), or what is wrong with them.</summary>
public static class TotalsRequest
{
    /// <summary>The earliest date a filter may name: no window starts before it.</summary>
    public static readonly DateOnly Earliest = new(1970, 1, 1);

    /// <summary>The latest date a filter may name: the window after it still has a start (DateOnly ends in 9999).</summary>
    public static readonly DateOnly Latest = new(9998, 12, 31);

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

        foreach (var (parameter, date) in new[] { ("from", from), ("to", to) })
        {
            if (date is { } day && (day < Earliest || day > Latest))
            {
                return (null, new ReportProblem(parameter, $"must be a date from {Text(Earliest)} to {Text(Latest)}"));
            }
        }

        if (from > to)
        {
            return (null, new ReportProblem("from", "must not be after \"to\""));
        }

        var field = query["field"].ToString();
        if (field.Length > 0 && !IsFieldName(field))
        {
            return (null, new ReportProblem("field", "must name a field as probe.field, e.g. \"os-versions.version_id\""));
        }

        return (new TotalsQuery(kind, from, to, field.Length > 0 ? field : null), null);
    }

    // The names the field registry allows: a probe id and a field name, each a lower-case name.
    private static bool IsFieldName(string field) =>
        field.Split('.') is [var probe, var name] && ProbeDescriptor.IsValidName(probe) && ProbeDescriptor.IsValidName(name);

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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
