namespace Pinger.Core.Running;

/// <summary>Whether a probe runs under the current config and level, and why.</summary>
/// <param name="Runs">True when the probe runs.</param>
/// <param name="Reason">Why, in words for <c>pinger probes</c> and the logs.</param>
public sealed record ProbeDecision(bool Runs, string Reason);
