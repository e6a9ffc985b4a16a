using Pinger.Bench.Harness.Processes;

namespace Pinger.Bench.Harness.Measuring;

/// <summary>One command run again and again, its wall times kept (output is captured and dropped, for every command alike).</summary>
internal sealed class TimedCommand(string name, string program, IReadOnlyList<string> arguments)
{
    private readonly List<double> _milliseconds = [];

    public string Name { get; } = name;

    public string Program { get; } = program;

    public IReadOnlyList<string> Arguments { get; } = arguments;

    public int Failures { get; private set; }

    public string LastError { get; private set; } = string.Empty;

    public double Median => Percentile.Of(_milliseconds, 0.5);

    public double P90 => Percentile.Of(_milliseconds, 0.9);

    /// <summary>The recorded wall times, in the order they were run.</summary>
    public IReadOnlyList<double> Samples => _milliseconds;

    public void Run(bool record)
    {
        var result = RunOnce();
        if (result.ExitCode != 0)
        {
            Failures++;
            LastError = result.Stderr;
        }

        if (record)
        {
            _milliseconds.Add(result.Milliseconds);
        }
    }

    public RunResult RunOnce(IReadOnlyDictionary<string, string>? environment = null) =>
        ProcessCapture.Run(Program, Arguments, environment);
}
