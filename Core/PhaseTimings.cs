using System.Collections.Concurrent;
using System.Diagnostics;

namespace Pinger.Core;

/// <summary>
/// How long each phase of a command took, recorded only when <c>PINGER_TIMINGS=1</c>, so start-up costs stay
/// visible without being passed around: a phase is timed with <c>using var phase = PhaseTimings.Start("name");</c>.
/// </summary>
public static class PhaseTimings
{
    private static readonly ConcurrentQueue<(string Phase, TimeSpan Elapsed)> Recorded = new();

    /// <summary>Whether timings are recorded in this process.</summary>
    public static bool IsEnabled { get; } = Environment.GetEnvironmentVariable("PINGER_TIMINGS") == "1";

    /// <summary>The phases recorded so far, in the order they ended.</summary>
    public static IReadOnlyList<(string Phase, TimeSpan Elapsed)> Phases => Recorded.ToArray();

    /// <summary>Starts timing <paramref name="phase"/>; it is recorded when the returned scope is disposed.</summary>
    public static PhaseScope Start(string phase) => IsEnabled ? new PhaseScope(phase, Stopwatch.GetTimestamp()) : default;

    /// <summary>Records a duration measured elsewhere.</summary>
    public static void Add(string phase, TimeSpan elapsed)
    {
        if (IsEnabled)
        {
            Recorded.Enqueue((phase, elapsed));
        }
    }
}
