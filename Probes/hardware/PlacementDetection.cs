using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Parsing;

namespace Pinger.Probes.Hardware;

/// <summary>
/// Decides whether this is bare metal. Ignition's platform id is trusted when it names something other than
/// metal; "metal" itself is not enough, because the metal image is also installed into virtual machines
/// (coreos-installer onto a libvirt disk), so the hypervisor and container checks apply to it too.
/// </summary>
internal static class PlacementDetection
{
    // Files container engines and systemd leave behind; see systemd's detect_container().
    private static readonly string[] ContainerMarkers =
        ["/run/.containerenv", "/.dockerenv", "/run/systemd/container", "/run/host/container-manager"];

    public static Placement Detect(IMachineFiles files, CpuInfo? cpu)
    {
        var commandLine = files.ReadText("/proc/cmdline");
        var platform = commandLine is null ? null : KernelCommandLine.FirstValue(commandLine, "ignition.platform.id");
        if (!string.IsNullOrEmpty(platform) && platform != "metal")
        {
            return Placement.DeclaredPlatform;
        }

        if (ContainerMarkers.Any(files.Exists) || InitHasContainerVariable(files))
        {
            return Placement.Container;
        }

        if (cpu is null)
        {
            return Placement.Unknown;
        }

        return cpu.HasHypervisorFlag || HypervisorSignatures.FoundIn(files) ? Placement.VirtualMachine : Placement.BareMetal;
    }

    // PID 1's environment is NUL-separated; only whether a "container=" entry exists is looked at.
    private static bool InitHasContainerVariable(IMachineFiles files) =>
        files.ReadText("/proc/1/environ")?.Split('\0').Any(e => e.StartsWith("container=", StringComparison.Ordinal)) == true;
}
