namespace Pinger.Core.Discovery;

/// <summary>A plugin directory that yielded no usable probe, and why.</summary>
/// <param name="Name">The plugin directory's name.</param>
/// <param name="Path">The directory or assembly concerned.</param>
/// <param name="Message">What went wrong.</param>
public sealed record ProbeLoadFailure(string Name, string Path, string Message);
