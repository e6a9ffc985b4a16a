using Pinger.Protocol.Windows;

namespace Pinger.Server.Countme;

/// <summary>
/// The weeks mirrors-countme's totals job publishes from a set of hits: from the week of the earliest hit, but
/// never before week 2614 (Monday 2020-02-10, when countme began), up to the last complete week. The week of
/// (latest hit − 600 s) is still open, since lines may be written up to ten minutes out of order; it and later
/// weeks are left out. <see cref="OpenWeek"/> is exclusive.
/// </summary>
public readonly record struct CountmeWeekRange(long FirstWeek, long OpenWeek)
{
    /// <summary>The first week mirrors-countme totals (COUNTME_START_WEEKNUM).</summary>
    public const long CountmeStartWeek = 2614;

    /// <summary>How long a week stays open after the latest hit in it (LOG_JITTER_WINDOW).</summary>
    public const long JitterSeconds = 600;

    /// <summary>The range for hits from <paramref name="firstHit"/> to <paramref name="lastHit"/> (Unix seconds).</summary>
    public static CountmeWeekRange Of(long firstHit, long lastHit) => new(
        Math.Max(CountingCalendar.WeekNumberOfUnixTime(firstHit), CountmeStartWeek),
        Math.Max(CountingCalendar.WeekNumberOfUnixTime(lastHit - JitterSeconds), CountmeStartWeek));

    /// <summary>The range over the hits of several files read together, or null when none has a hit.</summary>
    public static CountmeWeekRange? Of(IEnumerable<CountmeImport> imports)
    {
        ArgumentNullException.ThrowIfNull(imports);
        long? first = null, last = null;
        foreach (var import in imports)
        {
            if (import.FirstHitUnixSeconds is { } f && import.LastHitUnixSeconds is { } l)
            {
                first = Math.Min(first ?? long.MaxValue, f);
                last = Math.Max(last ?? long.MinValue, l);
            }
        }
        return first is { } a && last is { } b ? Of(a, b) : null;
    }

    /// <summary>True when no week is complete.</summary>
    public bool IsEmpty => OpenWeek <= FirstWeek;

    /// <summary>Whether the week starting on <paramref name="weekStart"/> is published.</summary>
    public bool Contains(DateOnly weekStart)
    {
        var week = CountingCalendar.WeekNumberOf(weekStart);
        return week >= FirstWeek && week < OpenWeek;
    }

    /// <summary>The import with only the totals of published weeks; the rest is counted in
    /// <see cref="CountmeImport.HitsOutsideCompleteWeeks"/>.</summary>
    public CountmeImport Apply(CountmeImport import)
    {
        ArgumentNullException.ThrowIfNull(import);
        var kept = new Dictionary<CountmeTotalsKey, long>();
        long left = 0;
        foreach (var (key, hits) in import.Totals)
        {
            if (Contains(key.WeekStart))
            {
                kept[key] = hits;
            }
            else
            {
                left += hits;
            }
        }
        return import with { Totals = kept, HitsOutsideCompleteWeeks = import.HitsOutsideCompleteWeeks + left };
    }
}
