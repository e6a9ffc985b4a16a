using McMaster.NETCore.Plugins;
using Pinger.Plugins.Sdk;

namespace Pinger.Core.Discovery;

/// <summary>
/// Creates the plugin loader (and with it the load context) for a plugin assembly. The context takes the SDK's types,
/// and anything else the host already has loaded or can load, from the host, so a probe is an <see cref="IProbe"/> the
/// host understands; only what the host lacks is resolved from the plugin's own directory.
/// </summary>
internal static class HostSharingPluginLoader
{
    /// <summary>A new loader whose main assembly is <paramref name="assemblyPath"/>.</summary>
    public static PluginLoader Create(string assemblyPath) =>
        PluginLoader.CreateFromAssemblyFile(
            assemblyPath,
            sharedTypes: [typeof(IProbe)],
            configure: config => config.PreferSharedTypes = true);
}
