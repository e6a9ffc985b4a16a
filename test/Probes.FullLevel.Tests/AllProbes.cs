using Pinger.Plugins.Sdk;
using Pinger.Probes.ContainerRuntimes;
using Pinger.Probes.Hardware;
using Pinger.Probes.LayeredPackages;
using Pinger.Probes.Network;

namespace Pinger.Probes.FullLevel.Tests;

/// <summary>The four probes under test, fresh instances each time.</summary>
internal static class AllProbes
{
    public static IReadOnlyList<IProbe> Create() => [new HardwareProbe(), new ContainerRuntimesProbe(), new NetworkProbe(), new LayeredPackagesProbe()];
}
