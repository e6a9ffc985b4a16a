namespace Pinger.Plugins.Sdk.Detection;

/// <summary>What <see cref="VirtualizationDetector"/> found.</summary>
/// <param name="Container">The container engine, or <see cref="ContainerKind.None"/>.</param>
/// <param name="Hypervisor">
/// The hypervisor the firmware tables and the CPU show; in a container these describe the host, which is why
/// <see cref="Container"/> should be looked at first.
/// </param>
public sealed record Virtualization(ContainerKind Container, HypervisorKind Hypervisor)
{
    /// <summary>Whether a container engine was found.</summary>
    public bool IsContainer => Container != ContainerKind.None;

    /// <summary>Whether a hypervisor was found (whatever <see cref="Container"/> says).</summary>
    public bool IsVirtualMachine => Hypervisor is not (HypervisorKind.None or HypervisorKind.Unknown);
}
