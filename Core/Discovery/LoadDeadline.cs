using System.Diagnostics;

namespace Pinger.Core.Discovery;

/// <summary>One budget shared by every plugin's construction, so that even several hanging plugins delay a run only once.</summary>
internal sealed class LoadDeadline(TimeSpan budget)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>The whole budget.</summary>
    public TimeSpan Budget => budget;

    /// <summary>Waits for <paramref name="task"/> until the budget is spent; false when it is still running then.</summary>
    public bool Wait(Task task)
    {
        var remaining = budget - _clock.Elapsed;
        return task.Wait(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
    }
}
