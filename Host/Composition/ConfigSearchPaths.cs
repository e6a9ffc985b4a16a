namespace Pinger.Host.Composition;

/// <summary>Where the distribution's config drop-ins are, found the way the distribution's probes are.</summary>
public static class ConfigSearchPaths
{
    /// <summary>
    /// The distribution's config directory beside the binary (<c>../lib/pinger/config.d</c>) when it exists, so a
    /// tree run in place (not installed in /usr) reads the defaults it ships; null for the standard one.
    /// </summary>
    public static string? DistributionDirectoryBesideBinary()
    {
        var besideBinary = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "lib", "pinger", "config.d"));
        return Directory.Exists(besideBinary) ? besideBinary : null;
    }
}
