namespace Pinger.Server.Countme;

/// <summary>
/// Countme's week arithmetic: weeks start Monday 00:00 UTC, numbered from 1970-01-05
/// (COUNTME_OFFSET = 345600 s) in windows of COUNTME_WINDOW = 604800 s. Division floors, as Python's
/// <c>//</c> does in mirrors-countme, so times before the epoch get negative week numbers.
/// </summary>
public static class CountmeWeeks
{
    /// <summary>Unix time of the first countme week's start, Monday 1970-01-05 00:00 UTC.</summary>
    public const long Offset = 345600;

    /// <summary>Length of a countme week in seconds.</summary>
    public const long Window = 604800;

    private static readonly DateOnly Epoch = new(1970, 1, 5);

    public static long WeekNumber(DateTimeOffset time) => WeekNumberOfUnixTime(time.ToUnixTimeSeconds());

    public static long WeekNumberOfUnixTime(long unixSeconds) => FloorDivide(unixSeconds - Offset, Window);

    /// <summary>The Monday a week starts on.</summary>
    public static DateOnly WeekStart(long weekNumber) => Epoch.AddDays(checked((int)(weekNumber * 7)));

    /// <summary>The Sunday a week ends on: the last day of the window.</summary>
    public static DateOnly WeekEnd(long weekNumber) => WeekStart(weekNumber).AddDays(6);

    /// <summary>The week a calendar day (taken as UTC) belongs to.</summary>
    public static long WeekNumberOf(DateOnly date) => FloorDivide(date.DayNumber - Epoch.DayNumber, 7);

    private static long FloorDivide(long value, long divisor)
    {
        var quotient = Math.DivRem(value, divisor, out var remainder);
        return remainder < 0 ? quotient - 1 : quotient;
    }
}
