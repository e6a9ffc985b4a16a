namespace Pinger.Server.Operations;

/// <summary>Free space where the state lives: a full disk would fail every commit, so the service stops being ready before.</summary>
public static class DiskSpace
{
    /// <summary>Bytes available to this process on the file system holding <paramref name="directory"/>.</summary>
    public static long Available(string directory) => new DriveInfo(Path.GetFullPath(directory)).AvailableFreeSpace;
}
