using Pinger.Core.Windows;

namespace Pinger.Server.Ingest;

/// <summary>
/// Window arithmetic on dates, as the server needs it to check and expire the windows reports name. The kinds and
/// their names are the client's (<see cref="CountingWindow"/>): weeks start on Monday 00:00 UTC, exactly countme's
/// alignment (COUNTME_OFFSET = 1970-01-05, a Monday), so weekly counts line up with Fedora's.
/// </summary>
public static class WindowCalendar
{
    /// <summary>The window kinds, in the order they are reported.</summary>
    public static IReadOnlyList<WindowKind> Kinds => CountingCalendar.Kinds;

    /// <summary>The name of a kind in reports and totals.</summary>
    public static string NameOf(WindowKind kind) => CountingWindow.NameOf(kind);

    /// <summary>The kind named <paramref name="name"/>, or null.</summary>
    public static WindowKind? Parse(string? name) => name is null ? null : CountingWindow.ParseKind(name);

    /// <summary>The start of the window of <paramref name="kind"/> containing <paramref name="date"/>.</summary>
    public static DateOnly StartOf(WindowKind kind, DateOnly date) => kind switch
    {
        WindowKind.Day => date,
        WindowKind.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        _ => new DateOnly(date.Year, date.Month, 1),
    };

    /// <summary>The start of the window before the one starting on <paramref name="start"/>.</summary>
    public static DateOnly Previous(WindowKind kind, DateOnly start) => kind switch
    {
        WindowKind.Day => start.AddDays(-1),
        WindowKind.Week => start.AddDays(-7),
        _ => start.AddMonths(-1),
    };

    /// <summary>The first day after the window starting on <paramref name="start"/>.</summary>
    public static DateOnly Next(WindowKind kind, DateOnly start) => kind switch
    {
        WindowKind.Day => start.AddDays(1),
        WindowKind.Week => start.AddDays(7),
        _ => start.AddMonths(1),
    };

    /// <summary>
    /// The windows a report may name at <paramref name="now"/>: the current one and the previous one, plus the next
    /// one when it starts within <paramref name="skew"/> (a client whose clock is slightly fast). A slow clock needs
    /// nothing more: its current window is the server's current or previous one.
    /// </summary>
    public static IReadOnlySet<DateOnly> Acceptable(WindowKind kind, DateTimeOffset now, TimeSpan skew)
    {
        var current = StartOf(kind, DateOnly.FromDateTime(now.UtcDateTime));
        return new HashSet<DateOnly> { current, Previous(kind, current), StartOf(kind, DateOnly.FromDateTime((now + skew).UtcDateTime)) };
    }

    /// <summary>The oldest window start still open at <paramref name="now"/>: nonces of earlier windows can go.</summary>
    public static DateOnly OldestOpen(WindowKind kind, DateTimeOffset now, TimeSpan skew) => Acceptable(kind, now, skew).Min();
}
