namespace Pinger.Probes.Hardware;

/// <summary>Where the probe runs, as far as deciding whether hardware facts mean anything.</summary>
internal enum Placement
{
    /// <summary>Physical hardware: the facts are the machine's own.</summary>
    BareMetal,

    /// <summary>Ignition names a platform other than metal (a cloud or a hypervisor).</summary>
    DeclaredPlatform,

    /// <summary>A hypervisor shows through the CPU flags or the DMI tables.</summary>
    VirtualMachine,

    /// <summary>A container engine left its marks.</summary>
    Container,

    /// <summary>The CPU description cannot be read, so a hypervisor cannot be ruled out.</summary>
    Unknown,
}
