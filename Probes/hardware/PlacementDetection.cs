using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Detection;

namespace Pinger.Probes.Hardware;

/// <summary>
/// Decides whether this is bare metal. Ignition's platform id is trusted when it names something other than
/// metal; "metal" itself is not enough, because the metal image is also installed into virtual machines
/// (coreos-installer onto a libvirt disk), so the container and hypervisor checks apply to it too.
/// </summary>
internal static class PlacementDetection
{
    public static Placement Detect(IMachineFiles files, CpuInfo? cpu)
    {
        var platform = IgnitionPlatformId.Read(files);
        if (platform is not null && platform != "metal")
        {
            return Placement.DeclaredPlatform;
        }

        var found = VirtualizationDetector.Detect(files);
        if (found.IsContainer)
        {
            return Placement.Container;
        }

        // Without the CPU's flags a guest whose firmware names no hypervisor would pass for bare metal.
        if (cpu is null)
        {
            return Placement.Unknown;
        }

        return found.IsVirtualMachine ? Placement.VirtualMachine : Placement.BareMetal;
    }
}
