namespace Pinger.Core.Discovery;

/// <summary>A directory whose sub-directories each hold one probe plugin.</summary>
/// <param name="Directory">Host path of the directory.</param>
/// <param name="Origin">Who installs probes there.</param>
public sealed record ProbeSearchPath(string Directory, ProbeOrigin Origin);
