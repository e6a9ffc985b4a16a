namespace Pinger.Core.Discovery;

/// <summary>
/// Finds the main assembly of a plugin directory: the one <c>dotnet publish</c> wrote a <c>.deps.json</c> for,
/// else the assembly named like the directory.
/// </summary>
public static class PluginDirectory
{
    /// <summary>The main assembly's path, or null with a reason when there is none.</summary>
    public static (string? AssemblyPath, string? Problem) FindMainAssembly(string directory)
    {
        var withManifest = Directory.EnumerateFiles(directory, "*.deps.json")
            .Select(deps => deps[..^".deps.json".Length] + ".dll")
            .Where(File.Exists)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (withManifest.Length == 1)
        {
            var problem = DependencyManifestCheck.Problem(Path.ChangeExtension(withManifest[0], ".deps.json"));
            return problem is null ? (withManifest[0], null) : (null, "malformed dependency manifest (.deps.json): " + problem);
        }

        if (withManifest.Length > 1)
        {
            return (null, "more than one assembly has a .deps.json; a plugin directory holds one plugin");
        }

        var named = Path.Combine(directory, Path.GetFileName(directory) + ".dll");
        return File.Exists(named) ? (named, null) : (null, "no plugin assembly (expected a published assembly with its .deps.json)");
    }
}
