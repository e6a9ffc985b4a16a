namespace Pinger.Server.Configuration;

/// <summary>
/// Where the field registry is looked for when the config names no directory: the distribution's directory, then
/// the administrator's. The distribution's is the <c>schema.d</c> beside the server's own files, so a tree run in
/// place (artifacts/root/usr/bin/pinger-server, a link into usr/lib/pinger-server/) reads its own registry, as the
/// client reads the probes beside it; installed, that is /usr/lib/pinger-server/schema.d.
/// </summary>
public static class SchemaSearchPaths
{
    /// <summary>The distribution's directory on an installed system.</summary>
    public const string InstalledDistributionDirectory = "/usr/lib/pinger-server/schema.d";

    /// <summary>The administrator's directory.</summary>
    public const string AdminDirectory = "/etc/pinger-server/schema.d";

    /// <summary>The standard directories, distribution first, so the admin's file of the same name wins; found once per process.</summary>
    public static IReadOnlyList<string> Standard { get; } = [DistributionDirectory(), AdminDirectory];

    /// <summary>
    /// The <c>schema.d</c> beside the server's files when it exists, else the installed one. The base directory is
    /// where the assembly really lives, the link in usr/bin already resolved.
    /// </summary>
    public static string DistributionDirectory()
    {
        var besideServer = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "schema.d"));
        return Directory.Exists(besideServer) ? besideServer : InstalledDistributionDirectory;
    }
}
