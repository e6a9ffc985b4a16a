namespace Pinger.Protocol.Windows;

/// <summary>
/// The countme age bucket with libdnf's documented semantics: the number of whole weeks between the window
/// of the system's epoch and the current window gives 1 (under 2), 2 (under 5), 3 (under 25) or 4.
/// rpm-ostree shifts each boundary a week earlier; Pinger follows libdnf, as the man page documents it.
/// </summary>
public static class AgeBucket
{
    /// <summary>The bucket for a system first seen at <paramref name="epoch"/>; an epoch in the future counts as now.</summary>
    public static int Compute(DateTimeOffset epoch, DateTimeOffset now)
    {
        var step = CountingCalendar.WeekNumber(now) - CountingCalendar.WeekNumber(epoch < now ? epoch : now);
        return step switch
        {
            < 2 => 1,
            < 5 => 2,
            < 25 => 3,
            _ => 4,
        };
    }
}
