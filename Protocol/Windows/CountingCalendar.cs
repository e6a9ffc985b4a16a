namespace Pinger.Protocol.Windows;

/// <summary>
/// The one calendar of client, server and countme import. Weeks are Fedora countme's: they start on Monday 00:00 UTC
/// and are numbered from COUNTME_OFFSET (Monday 1970-01-05) in steps of COUNTME_WINDOW seconds, with floor division
/// as Python's <c>//</c> does, so times before that Monday get negative numbers. Days and months are UTC calendar ones.
/// </summary>
public static class CountingCalendar
{
    /// <summary>Seconds from the Unix epoch to the first countme week, Monday 1970-01-05 00:00 UTC.</summary>
    public const long CountmeOffset = 345600;

    /// <summary>Seconds in a countme window: one week.</summary>
    public const long CountmeWindow = 604800;

    private static readonly DateOnly FirstCountmeMonday = new(1970, 1, 5);

    /// <summary>Every window kind, in report order.</summary>
    public static IReadOnlyList<WindowKind> Kinds { get; } = [WindowKind.Day, WindowKind.Week, WindowKind.Month];

    /// <summary>The countme week number of <paramref name="time"/>.</summary>
    public static long WeekNumber(DateTimeOffset time) => WeekNumberOfUnixTime(time.ToUnixTimeSeconds());

    /// <summary>The countme week number of a Unix time in seconds.</summary>
    public static long WeekNumberOfUnixTime(long unixSeconds) => FloorDivide(unixSeconds - CountmeOffset, CountmeWindow);

    /// <summary>The countme week a calendar day (taken as UTC) belongs to.</summary>
    public static long WeekNumberOf(DateOnly date) => FloorDivide(date.DayNumber - FirstCountmeMonday.DayNumber, 7);

    /// <summary>The Unix time at which week <paramref name="weekNumber"/> starts.</summary>
    public static long WeekStartSeconds(long weekNumber) => CountmeOffset + (weekNumber * CountmeWindow);

    /// <summary>The Monday week <paramref name="weekNumber"/> starts on.</summary>
    public static DateOnly WeekStart(long weekNumber) => FirstCountmeMonday.AddDays(checked((int)(weekNumber * 7)));

    /// <summary>The Sunday week <paramref name="weekNumber"/> ends on: the last day of the window.</summary>
    public static DateOnly WeekEnd(long weekNumber) => WeekStart(weekNumber).AddDays(6);

    /// <summary>The window of kind <paramref name="kind"/> that contains <paramref name="time"/>.</summary>
    public static CountingWindow Containing(WindowKind kind, DateTimeOffset time) =>
        new(kind, StartOf(kind, DateOnly.FromDateTime(time.UtcDateTime)));

    /// <summary>Every kind's window that contains <paramref name="time"/>.</summary>
    public static IReadOnlyList<CountingWindow> AllContaining(DateTimeOffset time) => Kinds.Select(k => Containing(k, time)).ToArray();

    /// <summary>The first day of the window of <paramref name="kind"/> containing <paramref name="date"/>.</summary>
    public static DateOnly StartOf(WindowKind kind, DateOnly date) => kind switch
    {
        WindowKind.Day => date,
        WindowKind.Week => WeekStart(WeekNumberOf(date)),
        _ => new DateOnly(date.Year, date.Month, 1),
    };

    /// <summary>The first day of the window before the one starting on <paramref name="start"/>.</summary>
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

    /// <summary>The oldest window start still open at <paramref name="now"/>: nothing of earlier windows can change.</summary>
    public static DateOnly OldestOpen(WindowKind kind, DateTimeOffset now, TimeSpan skew) => Acceptable(kind, now, skew).Min();

    private static long FloorDivide(long value, long divisor)
    {
        var quotient = Math.DivRem(value, divisor, out var remainder);
        return remainder < 0 ? quotient - 1 : quotient;
    }
}
