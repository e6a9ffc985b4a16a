using System.Diagnostics;

namespace Pinger.Core;

/// <summary>One phase being timed (see <see cref="PhaseTimings"/>); the default value times nothing.</summary>
/// <param name="phase">The phase's name; null when timings are off.</param>
/// <param name="started">When it started (a <see cref="Stopwatch"/> timestamp).</param>
public readonly struct PhaseScope(string? phase, long started) : IDisposable
{
    /// <summary>Records the phase's duration.</summary>
    public void Dispose()
    {
        if (phase is not null)
        {
            PhaseTimings.Add(phase, Stopwatch.GetElapsedTime(started));
        }
    }
}
