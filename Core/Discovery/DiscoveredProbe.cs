using Pinger.Plugins.Sdk;

namespace Pinger.Core.Discovery;

/// <summary>A probe found in a plugin assembly, ready to run.</summary>
/// <param name="Probe">The probe instance.</param>
/// <param name="Descriptor">Its descriptor, read once at load time.</param>
/// <param name="AssemblyPath">The plugin assembly it came from.</param>
/// <param name="Origin">Distribution or admin.</param>
public sealed record DiscoveredProbe(IProbe Probe, ProbeDescriptor Descriptor, string AssemblyPath, ProbeOrigin Origin)
{
    /// <summary>The SDK version (major.minor) the plugin was built against; the host's own unless the loader read another.</summary>
    public Version SdkVersion { get; init; } = PluginSdkReference.HostVersion;

    /// <summary>Installed by the admin rather than shipped with the distribution.</summary>
    public bool IsThirdParty => Origin == ProbeOrigin.Admin;

    /// <summary>The probe's id.</summary>
    public string Id => Descriptor.Id;

    /// <summary>The plugin directory.</summary>
    public string Directory => Path.GetDirectoryName(AssemblyPath)!;
}
