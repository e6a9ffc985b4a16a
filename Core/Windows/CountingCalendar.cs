namespace Pinger.Core.Windows;

/// <summary>
/// Window arithmetic compatible with Fedora's countme: weeks start on Monday 00:00 UTC, counted from
/// COUNTME_OFFSET (1970-01-05) in steps of COUNTME_WINDOW seconds; days and months are UTC calendar ones.
/// </summary>
public static class CountingCalendar
{
    /// <summary>Seconds from the Unix epoch to the first countme week, Monday 1970-01-05 00:00 UTC.</summary>
    public const long CountmeOffset = 345600;

    /// <summary>Seconds in a countme window: one week.</summary>
    public const long CountmeWindow = 604800;

    /// <summary>Every window kind, in report order.</summary>
    public static IReadOnlyList<WindowKind> Kinds { get; } = [WindowKind.Day, WindowKind.Week, WindowKind.Month];

    /// <summary>The countme week number of <paramref name="time"/> (floor division, so times before 1970-01-05 are negative).</summary>
    public static long WeekNumber(DateTimeOffset time) => FloorDivide(time.ToUnixTimeSeconds() - CountmeOffset, CountmeWindow);

    /// <summary>The Unix time at which week <paramref name="weekNumber"/> starts.</summary>
    public static long WeekStartSeconds(long weekNumber) => CountmeOffset + (weekNumber * CountmeWindow);

    /// <summary>The window of kind <paramref name="kind"/> that contains <paramref name="time"/>.</summary>
    public static CountingWindow Containing(WindowKind kind, DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var start = kind switch
        {
            WindowKind.Day => DateOnly.FromDateTime(utc),
            WindowKind.Week => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(WeekStartSeconds(WeekNumber(time))).UtcDateTime),
            _ => new DateOnly(utc.Year, utc.Month, 1),
        };
        return new CountingWindow(kind, start);
    }

    /// <summary>Every kind's window that contains <paramref name="time"/>.</summary>
    public static IReadOnlyList<CountingWindow> AllContaining(DateTimeOffset time) => Kinds.Select(k => Containing(k, time)).ToArray();

    private static long FloorDivide(long value, long divisor) => value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor);
}
