namespace Pinger.Configuration;

/// <summary>A config file that survived replacement and masking.</summary>
/// <param name="Name">The file name, which decides merge order.</param>
/// <param name="Directory">The directory it was found in.</param>
public sealed record DropInFile(string Name, ConfigDirectory Directory)
{
    /// <summary>The file's path in its directory's file view.</summary>
    public string Path => Directory.Path + "/" + Name;

    /// <summary>The file as the admin would find it on this host; used in every message.</summary>
    public string HostPath => Directory.HostPath + "/" + Name;
}
