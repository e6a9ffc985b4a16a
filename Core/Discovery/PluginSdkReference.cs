using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Pinger.Plugins.Sdk;

namespace Pinger.Core.Discovery;

/// <summary>
/// Reads which version of the SDK a plugin assembly was compiled against, from its metadata alone: nothing of the
/// plugin is loaded or run, so a plugin built for a newer host is refused before any of its code could fail.
/// </summary>
public static class PluginSdkReference
{
    /// <summary>The SDK's assembly name, as plugins reference it.</summary>
    public static string SdkAssemblyName { get; } = typeof(IProbe).Assembly.GetName().Name!;

    /// <summary>The SDK assembly version this host carries, all four parts, as a plugin built with it references it.</summary>
    public static Version HostAssemblyVersion { get; } = typeof(IProbe).Assembly.GetName().Version!;

    /// <summary>The SDK version this host carries (major.minor; the assembly version never changes in a patch release).</summary>
    public static Version HostVersion { get; } = MajorMinor(HostAssemblyVersion);

    /// <summary>
    /// The SDK assembly version <paramref name="assemblyPath"/> references, exactly as compiled in (all four parts; the
    /// SDK's own rules look at <see cref="MajorMinor"/> of it), or null with a reason.
    /// </summary>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    public static (Version? Version, string? Problem) Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException("the file has no .NET metadata", assemblyPath);
        }

        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.AssemblyReferences)
        {
            var reference = metadata.GetAssemblyReference(handle);
            if (metadata.StringComparer.Equals(reference.Name, SdkAssemblyName))
            {
                return (reference.Version, null);
            }
        }

        return (null, $"the assembly does not reference {SdkAssemblyName}, so it holds no probe");
    }

    /// <summary>
    /// Null when a plugin built against <paramref name="plugin"/> can run on a host carrying <paramref name="host"/>,
    /// else why not. A plugin may use anything of the SDK it was built against, so the host's SDK must be at least
    /// as new. An older plugin is loaded: the SDK only grows within a major version, and a plugin that uses something a
    /// later major version removed fails to load or run like any broken plugin, alone.
    /// </summary>
    public static string? Incompatibility(Version plugin, Version host)
    {
        if (plugin.Major > host.Major)
        {
            return $"built against {SdkAssemblyName} {plugin.ToString(2)}, a newer major version than this host's {host.ToString(2)}: "
                + $"update pinger, or install a build of the plugin made for SDK {host.Major}.x";
        }

        if (plugin.Major == host.Major && plugin.Minor > host.Minor)
        {
            return $"built against {SdkAssemblyName} {plugin.ToString(2)}, newer than this host's {host.ToString(2)}: "
                + $"update pinger, or install a build of the plugin made against SDK {host.ToString(2)} or older";
        }

        return null;
    }

    /// <summary>The major.minor part of an SDK assembly version: what the SDK's compatibility rules and the listings speak of.</summary>
    public static Version MajorMinor(Version version) => new(version.Major, version.Minor);
}
