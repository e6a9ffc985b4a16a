using System.Diagnostics;

namespace Pinger.Core;

/// <summary>Records how long each phase of a command took, so start-up costs stay visible.</summary>
public sealed class PhaseTimings
{
    private readonly List<(string Phase, TimeSpan Elapsed)> _phases = [];

    /// <summary>The phases measured so far, in order.</summary>
    public IReadOnlyList<(string Phase, TimeSpan Elapsed)> Phases => _phases;

    /// <summary>Records a duration measured elsewhere.</summary>
    public void Add(string phase, TimeSpan elapsed) => _phases.Add((phase, elapsed));

    /// <summary>Runs <paramref name="work"/> and records its duration under <paramref name="phase"/>.</summary>
    public T Measure<T>(string phase, Func<T> work)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            return work();
        }
        finally
        {
            _phases.Add((phase, stopwatch.Elapsed));
        }
    }

    /// <summary>Runs <paramref name="work"/> and records its duration under <paramref name="phase"/>.</summary>
    public async Task<T> MeasureAsync<T>(string phase, Func<Task<T>> work)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            _phases.Add((phase, stopwatch.Elapsed));
        }
    }
}
