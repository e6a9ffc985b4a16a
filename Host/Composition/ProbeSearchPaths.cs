using Pinger.Core.Discovery;

namespace Pinger.Host.Composition;

/// <summary>The standard places probe plugins are installed.</summary>
public static class ProbeSearchPaths
{
    /// <summary>Where the admin installs extra probes.</summary>
    public const string AdminDirectory = "/etc/pinger/probes";

    /// <summary>The distribution's probes: beside the installed binary (<c>../lib/pinger/probes</c>), else /usr/lib.</summary>
    public static string DistributionDirectory()
    {
        var besideBinary = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "lib", "pinger", "probes"));
        return Directory.Exists(besideBinary) ? besideBinary : "/usr/lib/pinger/probes";
    }

    /// <summary>The directories to search: the given ones, or the distribution's then the admin's.</summary>
    public static IReadOnlyList<ProbeSearchPath> For(IReadOnlyList<string> explicitDirectories) =>
        explicitDirectories.Count > 0
            ? explicitDirectories.Select(d => new ProbeSearchPath(Path.GetFullPath(d), ProbeOrigin.Distribution)).ToArray()
            : [new(DistributionDirectory(), ProbeOrigin.Distribution), new(AdminDirectory, ProbeOrigin.Admin)];
}
