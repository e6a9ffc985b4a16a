namespace Pinger.Plugins.Sdk.Detection;

/// <summary>
/// Tells containers and virtual machines from bare metal by reading files only, the way <c>systemd-detect-virt</c>
/// does: container managers' marks (<c>/run/host/container-manager</c>, <c>/run/systemd/container</c>, PID 1's
/// <c>container=</c> variable, <c>/run/.containerenv</c>, <c>/.dockerenv</c>), then the DMI tables, the KVM clock
/// source, <c>/sys/hypervisor/type</c> and the CPU's <c>hypervisor</c> flag. Firmware strings are only matched
/// against fixed lists, never returned.
/// </summary>
public static class VirtualizationDetector
{
    /// <summary>The container engine and the hypervisor shown by <paramref name="files"/>.</summary>
    public static Virtualization Detect(IMachineFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return new Virtualization(ContainerMarks.Detect(files), HypervisorEvidence.Detect(files));
    }
}
