using Pinger.Protocol.Windows;

namespace Pinger.Core.Reporting;

/// <summary>What the client remembers between runs: the last window counted of each kind, when it first counted, and a pending report.</summary>
/// <param name="Counted">The last window counted (or refused for good) of each kind.</param>
/// <param name="FirstCountedWeek">The start of the first week this machine was counted in: the age fallback when /etc/machine-id gives none.</param>
/// <param name="Pending">A report whose outcome is not known yet.</param>
public sealed record PingerState(
    IReadOnlyDictionary<WindowKind, DateOnly> Counted,
    DateOnly? FirstCountedWeek,
    PendingReport? Pending)
{
    /// <summary>A machine that has never reported.</summary>
    public static PingerState Empty { get; } = new(new Dictionary<WindowKind, DateOnly>(), null, null);

    /// <summary>The report fields seen at the machine's level and when each may be sent; null before the first report.</summary>
    public FieldsSeen? Fields { get; init; }

    /// <summary>The state after <paramref name="windows"/> were counted (or refused for good).</summary>
    public PingerState WithCounted(IEnumerable<CountingWindow> windows)
    {
        var counted = new Dictionary<WindowKind, DateOnly>(Counted);
        foreach (var window in windows)
        {
            counted[window.Kind] = window.Start;
        }

        var firstWeek = FirstCountedWeek ?? (counted.TryGetValue(WindowKind.Week, out var week) ? week : null);
        return this with { Counted = counted, FirstCountedWeek = firstWeek, Pending = null };
    }
}
