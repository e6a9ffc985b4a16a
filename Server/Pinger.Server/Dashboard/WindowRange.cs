using System.Globalization;
using Pinger.Protocol.Reports;
using Pinger.Protocol.Windows;

namespace Pinger.Server.Dashboard;

/// <summary>
/// The windows a chart spans, every one of them whether it has data or not, so gaps look like gaps. Without
/// <c>from</c> it is the last <see cref="DefaultLength"/> windows up to <c>to</c> (default: the current window).
/// </summary>
/// <param name="Kind">The window kind.</param>
/// <param name="From">The first window's start.</param>
/// <param name="To">The last window's start.</param>
/// <param name="Explicit">Whether the visitor chose the range.</param>
public sealed record WindowRange(WindowKind Kind, DateOnly From, DateOnly To, bool Explicit)
{
    /// <summary>The most windows one chart draws: a bound on the page's size and on the query behind it.</summary>
    public const int MaxWindows = 400;

    /// <summary>Every window start from <see cref="From"/> to <see cref="To"/>.</summary>
    public IReadOnlyList<DateOnly> Windows
    {
        get
        {
            var windows = new List<DateOnly>();
            for (var start = From; start <= To; start = CountingCalendar.Next(Kind, start))
            {
                windows.Add(start);
            }

            return windows;
        }
    }

    /// <summary>How many windows the range spans, counted without listing them (a range may be absurdly long).</summary>
    public int Count => Kind switch
    {
        WindowKind.Day => To.DayNumber - From.DayNumber + 1,
        WindowKind.Week => ((To.DayNumber - From.DayNumber) / 7) + 1,
        _ => ((To.Year - From.Year) * 12) + To.Month - From.Month + 1,
    };

    /// <summary>How many windows the default range shows: two months of days, a year of weeks, two years of months.</summary>
    public static int DefaultLength(WindowKind kind) => kind switch
    {
        WindowKind.Day => 60,
        WindowKind.Week => 52,
        _ => 24,
    };

    /// <summary>The range <paramref name="query"/> asks for on <paramref name="today"/>, or what is wrong with it.</summary>
    public static (WindowRange? Range, ReportProblem? Problem) Resolve(DashboardQuery query, DateOnly today)
    {
        var kind = query.Kind;
        var current = CountingCalendar.StartOf(kind, today);

        // Windows after the current one hold nothing yet.
        var to = query.To is { } last ? Min(CountingCalendar.StartOf(kind, last), current) : current;
        var from = query.From is { } first ? CountingCalendar.StartOf(kind, first) : Back(kind, to, DefaultLength(kind) - 1);
        if (from > to)
        {
            return (null, new ReportProblem("from", "must not be after the current window"));
        }

        var range = new WindowRange(kind, from, to, query.From is not null || query.To is not null);
        var count = range.Count;
        if (count > MaxWindows)
        {
            return (null, new ReportProblem("from", string.Create(CultureInfo.InvariantCulture,
                $"the range spans {count} windows and at most {MaxWindows} are shown: narrow it or choose longer windows")));
        }

        return (range, null);
    }

    /// <summary>The start of the window <paramref name="steps"/> windows before <paramref name="start"/>.</summary>
    public static DateOnly Back(WindowKind kind, DateOnly start, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            start = CountingCalendar.Previous(kind, start);
        }

        return start;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
