using System.Globalization;
using Pinger.Protocol.Windows;

namespace Pinger.Server.Dashboard;

/// <summary>
/// How the page names a window in words, per kind: a day by its ISO date ("on 2026-12-05"), a week by its ISO week
/// ("in week 2026-W48"; counting weeks start on Monday, as ISO weeks do), a month by name ("in November 2026").
/// </summary>
public static class WindowNames
{
    /// <summary>The window as a noun: "2026-12-05", "week 2026-W48", "November 2026".</summary>
    public static string Name(WindowKind kind, DateOnly start) => kind switch
    {
        WindowKind.Day => Html.Day(start),
        WindowKind.Week => "week " + IsoWeek(start),
        _ => start.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>The window after a verb: "on 2026-12-05", "in week 2026-W48", "in November 2026".</summary>
    public static string In(WindowKind kind, DateOnly start) => (kind == WindowKind.Day ? "on " : "in ") + Name(kind, start);

    /// <summary>The days the window spans: "2026-11-23 to 2026-11-29"; a day is just its date.</summary>
    public static string Span(WindowKind kind, DateOnly start) =>
        kind == WindowKind.Day ? Html.Day(start) : Html.Day(start) + " to " + Html.Day(CountingCalendar.Next(kind, start).AddDays(-1));

    /// <summary>The last closed window of a kind, as the headline calls it: "yesterday", "last week", "last month".</summary>
    public static string LastClosed(WindowKind kind) => kind switch
    {
        WindowKind.Day => "yesterday",
        WindowKind.Week => "last week",
        _ => "last month",
    };

    /// <summary>The noun of a kind: "day", "week", "month".</summary>
    public static string Noun(WindowKind kind) => kind switch
    {
        WindowKind.Day => "day",
        WindowKind.Week => "week",
        _ => "month",
    };

    /// <summary>The ISO 8601 week of a Monday: "2026-W48".</summary>
    public static string IsoWeek(DateOnly monday)
    {
        var date = monday.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
    }
}
