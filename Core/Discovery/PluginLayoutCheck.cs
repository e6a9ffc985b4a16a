namespace Pinger.Core.Discovery;

/// <summary>
/// Warnings about probe directories laid out in a way that loads something other than what the admin meant: plugin
/// files copied straight into a search directory (they are never loaded: each plugin needs a directory of its own), a
/// plugin directory that holds a second copy of itself one level down (the usual result of <c>cp -r</c> over an
/// installed plugin: the old files at the top are the ones loaded), and a plugin shipping its own copy of the SDK (the
/// host's copy is always the one used, so it is dead weight, and a sign of a build that does not exclude it).
/// </summary>
public static class PluginLayoutCheck
{
    private const string SdkAssembly = "Pinger.Plugins.Sdk.dll";

    /// <summary>Warnings for the search directory <paramref name="directory"/> itself.</summary>
    public static IEnumerable<string> OfSearchDirectory(string directory)
    {
        var loose = Directory.EnumerateFiles(directory, "*.dll").Order(StringComparer.Ordinal).ToArray();
        if (loose.Length > 0)
        {
            yield return $"{directory} holds plugin files directly ({string.Join(", ", loose.Take(3).Select(Path.GetFileName))}{(loose.Length > 3 ? ", …" : "")}), " +
                $"which are never loaded: each plugin belongs in a directory of its own, {Path.Combine(directory, "<id>")}/";
        }
    }

    /// <summary>Warnings for the plugin directory <paramref name="directory"/>.</summary>
    public static IEnumerable<string> OfPluginDirectory(string directory)
    {
        var nested = Path.Combine(directory, Path.GetFileName(directory));
        if (Directory.Exists(nested))
        {
            yield return $"{nested}/ is a second copy of the plugin inside its own directory, and is not loaded: {directory}/ holds the files " +
                $"pinger loads (perhaps an older version); reinstall with the documented command, which replaces the directory";
        }

        if (File.Exists(Path.Combine(directory, SdkAssembly)))
        {
            yield return $"{Path.Combine(directory, SdkAssembly)}: the plugin ships its own copy of the SDK, which is never used (pinger's own copy is); " +
                "build it with the SDK referenced as <PackageReference Include=\"Pinger.Plugins.Sdk\" ExcludeAssets=\"runtime\" />";
        }
    }
}
