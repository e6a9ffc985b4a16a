using Pinger.Core.Reporting;

namespace Pinger.Host.State;

/// <summary>The state read from disk, and what was wrong with the file when it had to be replaced.</summary>
/// <param name="State">The state to use.</param>
/// <param name="Problem">Null when the file was fine or absent; otherwise why it was replaced.</param>
public sealed record StateLoad(PingerState State, string? Problem);
