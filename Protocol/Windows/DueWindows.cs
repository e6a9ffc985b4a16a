namespace Pinger.Protocol.Windows;

/// <summary>Which windows still need a report, given the windows already counted.</summary>
public static class DueWindows
{
    /// <summary>
    /// The current windows not yet counted: a kind is due when nothing was counted for it or the last counted
    /// window started before the current one. A counted window after the current one (the clock went back)
    /// is treated as counted, so a machine is never counted twice in a window.
    /// </summary>
    public static IReadOnlyList<CountingWindow> At(DateTimeOffset now, IReadOnlyDictionary<WindowKind, DateOnly> counted) =>
        CountingCalendar.AllContaining(now)
            .Where(w => !counted.TryGetValue(w.Kind, out var last) || last < w.Start)
            .ToArray();
}
