using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Parsing;

namespace Pinger.Probes.OsVersions;

/// <summary>The os-release file, where systemd looks for it: <c>/etc</c> first, then <c>/usr/lib</c>.</summary>
internal static class OsRelease
{
    /// <summary>The file's keys and values, or null when neither file can be read.</summary>
    public static IReadOnlyDictionary<string, string>? Read(IMachineFiles files)
    {
        var text = files.ReadText("/etc/os-release") ?? files.ReadText("/usr/lib/os-release");
        return text is null ? null : KeyValueFile.Parse(text);
    }
}
