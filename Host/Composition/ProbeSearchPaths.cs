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

    /// <summary>
    /// The directories to search: the given ones, or the distribution's then the admin's. Given ones mirror that order:
    /// the first stands for the distribution's probes, every later one for the admin's (third-party) probes, so a probe
    /// under test meets the same switches it will meet once installed in <see cref="AdminDirectory"/>.
    /// </summary>
    public static IReadOnlyList<ProbeSearchPath> For(IReadOnlyList<string> explicitDirectories) =>
        explicitDirectories.Count > 0
            ? explicitDirectories.Select((d, i) => new ProbeSearchPath(Path.GetFullPath(d), i == 0 ? ProbeOrigin.Distribution : ProbeOrigin.Admin)).ToArray()
            : [new(DistributionDirectory(), ProbeOrigin.Distribution), new(AdminDirectory, ProbeOrigin.Admin)];
}
