namespace Pinger.Core.Discovery;

/// <summary>
/// Decides whether a plugin found among the distribution's probes joins the one load context those probes share, or
/// keeps a context of its own like a third-party plugin. A load context exists to keep a plugin's dependencies apart
/// from the host's and from other plugins'; the distribution's probes are built together against the host's SDK and
/// carry no dependency of their own, so one context serves them all and costs one set-up instead of seven. Anything
/// that does not look exactly like that, whoever put it in the distribution's directory, keeps its isolation.
/// </summary>
public static class SharedContextRule
{
    /// <summary>
    /// Null when the plugin assembly at <paramref name="assemblyPath"/>, built against the SDK assembly version
    /// <paramref name="referencedSdk"/>, may share the distribution's load context; otherwise why it keeps its own.
    /// Only plugins from the distribution's probe directory are ever asked.
    /// </summary>
    public static string? ReasonToIsolate(string assemblyPath, Version referencedSdk)
    {
        // The distribution's probes are built in the same build as the host, so they reference its SDK assembly
        // exactly; a plugin built elsewhere (another SDK release) is not one of them, whatever directory it is in.
        if (referencedSdk != PluginSdkReference.HostAssemblyVersion)
        {
            return $"built against {PluginSdkReference.SdkAssemblyName} {referencedSdk}, not this host's {PluginSdkReference.HostAssemblyVersion}";
        }

        // A plugin that ships anything loadable besides its own assembly (a library, a native library, satellite or
        // runtime-specific folders) could clash with another plugin's copy in a shared context. Only files that are
        // never loaded as code are let through: the manifest, symbols and documentation.
        var directory = Path.GetDirectoryName(assemblyPath)!;
        var own = Path.GetFileNameWithoutExtension(assemblyPath);
        if (Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal).FirstOrDefault() is { } folder)
        {
            return $"ships a folder of its own ({Path.GetFileName(folder)})";
        }

        var extra = Directory.EnumerateFiles(directory)
            .Select(Path.GetFileName)
            .Where(name => !IsNeverLoaded(name!, own))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        return extra is null ? null : $"ships files of its own besides its assembly ({extra})";
    }

    private static bool IsNeverLoaded(string fileName, string ownName) =>
        fileName == ownName + ".dll"
        || fileName == ownName + ".deps.json"
        || fileName.EndsWith(".pdb", StringComparison.Ordinal)
        || fileName.EndsWith(".xml", StringComparison.Ordinal);
}
