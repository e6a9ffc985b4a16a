using Pinger.Plugins.Sdk;

namespace Pinger.Probes.Platform;

/// <summary>Whether the probe runs inside a container, read the way systemd's <c>detect_container()</c> reads it.</summary>
internal static class ContainerDetection
{
    /// <summary>A "container-…" id, or null when nothing says this is a container.</summary>
    public static string? Detect(IMachineFiles files)
    {
        var manager = Nonblank(files.ReadText("/run/host/container-manager"))
            ?? Nonblank(files.ReadText("/run/systemd/container"))
            ?? FromInitEnvironment(files.ReadText("/proc/1/environ"));
        if (manager is not null)
        {
            return FromManagerName(manager);
        }

        // Older engines only leave a marker file behind.
        if (files.Exists("/run/.containerenv"))
        {
            return PlatformIds.ContainerPodman;
        }

        return files.Exists("/.dockerenv") ? PlatformIds.ContainerDocker : null;
    }

    // The manager's own name is free text; it only selects a token and is never reported.
    private static string FromManagerName(string name) => name switch
    {
        "docker" => PlatformIds.ContainerDocker,
        "podman" => PlatformIds.ContainerPodman,
        "lxc" or "lxc-libvirt" => PlatformIds.ContainerLxc,
        "systemd-nspawn" => PlatformIds.ContainerNspawn,
        _ => PlatformIds.ContainerOther,
    };

    // PID 1's environment is NUL-separated; only the "container=" entry is looked at.
    private static string? FromInitEnvironment(string? environment)
    {
        const string Prefix = "container=";
        var entry = environment?.Split('\0').FirstOrDefault(e => e.StartsWith(Prefix, StringComparison.Ordinal));
        return entry is null ? null : Nonblank(entry[Prefix.Length..]);
    }

    private static string? Nonblank(string? text)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
