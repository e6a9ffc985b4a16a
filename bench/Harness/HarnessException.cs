namespace Pinger.Bench.Harness;

/// <summary>A failure the harness explains in one message (bad arguments, a missing tool, a failed step).</summary>
internal sealed class HarnessException(string message) : Exception(message);
