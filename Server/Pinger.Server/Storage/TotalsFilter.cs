using Pinger.Protocol.Windows;

namespace Pinger.Server.Storage;

/// <summary>
/// The WHERE clause of a totals read, holding only the filters a query sets. A catch-all form such as
/// "($kind IS NULL OR kind = $kind)" would keep both databases from using the (kind, start, …) key, and a year of
/// daily windows would then be scanned to answer a question about 52 weeks.
/// </summary>
internal static class TotalsFilter
{
    /// <summary>
    /// The clause (empty when nothing filters) with placeholders from <paramref name="placeholder"/> (given the
    /// 0-based position of the value), and the values in that order: kind name, first start, last start, field.
    /// </summary>
    public static (string Where, IReadOnlyList<object> Values) Of(TotalsQuery query, bool withField, Func<int, string> placeholder)
    {
        var conditions = new List<string>();
        var values = new List<object>();
        void Add(string condition, object value)
        {
            conditions.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, condition, placeholder(values.Count)));
            values.Add(value);
        }

        if (query.Kind is { } kind)
        {
            Add("kind = {0}", CountingWindow.NameOf(kind));
        }

        if (query.From is { } from)
        {
            Add("start >= {0}", from);
        }

        if (query.To is { } to)
        {
            Add("start <= {0}", to);
        }

        if (withField && query.Field is { } field)
        {
            Add("field = {0}", field);
        }

        return (conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions), values);
    }
}
