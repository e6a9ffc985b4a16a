namespace Pinger.Server.Operations;

/// <summary>Free space where the state lives: a full disk would fail every commit, so the service stops being ready before.</summary>
public static class DiskSpace
{
    /// <summary>
    /// Bytes available to this process on the file system holding <paramref name="directory"/>. A directory not made
    /// yet (a PostgreSQL server keeps nothing there) is measured on its nearest existing parent, where it would be made.
    /// </summary>
    public static long Available(string directory)
    {
        var existing = new DirectoryInfo(Path.GetFullPath(directory));
        while (!existing.Exists && existing.Parent is { } parent)
        {
            existing = parent;
        }

        return new DriveInfo(existing.FullName).AvailableFreeSpace;
    }
}
