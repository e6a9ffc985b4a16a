namespace Pinger.Bench.Harness.Measuring;

/// <summary>How one run of a program ended: exit code, wall time and what it printed.</summary>
internal sealed record RunResult(int ExitCode, double Milliseconds, string Stdout, string Stderr);
