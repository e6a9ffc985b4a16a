using System.Reflection;
using McMaster.NETCore.Plugins;

namespace Pinger.Core.Discovery;

/// <summary>
/// The one load context the distribution's own probe assemblies share (see <see cref="SharedContextRule"/>), created
/// with the first of them. Each assembly is still loaded from its own plugin directory, by path.
/// </summary>
internal sealed class SharedPluginContext
{
    private readonly Dictionary<string, string> _loaded = new(StringComparer.OrdinalIgnoreCase);
    private PluginLoader? _loader;

    /// <summary>
    /// Null when <paramref name="assemblyPath"/> can join the context; else why not: one context holds one assembly of
    /// a name, so a second copy of a plugin keeps a context of its own (and its probe ids are then refused as taken).
    /// </summary>
    public string? Conflict(string assemblyPath)
    {
        var name = AssemblyNameOf(assemblyPath);
        return _loaded.TryGetValue(name, out var first) ? $"an assembly named {name} is already shared, from {first}" : null;
    }

    /// <summary>Loads <paramref name="assemblyPath"/> into the shared context, creating the context with the first one.</summary>
    public Assembly Load(string assemblyPath)
    {
        Assembly assembly;
        if (_loader is null)
        {
            _loader = HostSharingPluginLoader.Create(assemblyPath);
            assembly = _loader.LoadDefaultAssembly();
        }
        else
        {
            assembly = _loader.LoadAssemblyFromPath(assemblyPath);
        }

        _loaded.Add(assembly.GetName().Name!, assemblyPath);
        return assembly;
    }

    // The name in the assembly's metadata, which is what a load context holds one of; the file name may differ.
    private static string AssemblyNameOf(string assemblyPath) => AssemblyName.GetAssemblyName(assemblyPath).Name!;
}
