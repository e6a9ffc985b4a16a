namespace Pinger.Plugins.Sdk.Detection;

/// <summary>The container engine a process runs under, as <c>systemd-detect-virt --container</c> tells them apart.</summary>
public enum ContainerKind
{
    /// <summary>No container: nothing says so.</summary>
    None,

    /// <summary>Docker (or another engine that leaves <c>/.dockerenv</c>).</summary>
    Docker,

    /// <summary>Podman (or another engine that leaves <c>/run/.containerenv</c>).</summary>
    Podman,

    /// <summary>LXC, also under libvirt.</summary>
    Lxc,

    /// <summary>systemd-nspawn.</summary>
    Nspawn,

    /// <summary>A container whose manager is none of the above.</summary>
    Other,
}
