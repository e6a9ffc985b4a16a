namespace Pinger.Host.Cli;

/// <summary>What the command line chose, shared by every command.</summary>
/// <param name="Root">The directory that stands for the machine's "/" (facts and standard config directories).</param>
/// <param name="ConfigDirectory">A directory to read drop-ins from instead of the standard three, or null.</param>
/// <param name="ProbeDirectories">Directories of probe plugins; empty means the standard ones.</param>
/// <param name="Verbose">Log debug detail.</param>
public sealed record InvocationSettings(string Root, string? ConfigDirectory, IReadOnlyList<string> ProbeDirectories, bool Verbose)
{
    /// <summary>Where the counted windows, the pending report and the history are kept.</summary>
    public string StateDirectory { get; init; } = "/var/lib/pinger";

    /// <summary>Where per-boot markers are kept (a tmpfs, emptied at boot).</summary>
    public string RuntimeDirectory { get; init; } = "/run/pinger";

    /// <summary>Whether the machine looked at is the one Pinger runs on.</summary>
    public bool IsLiveRoot => Path.GetFullPath(Root) == "/";
}
