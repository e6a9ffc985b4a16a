namespace Pinger.Plugins.Sdk.Detection;

/// <summary>The marks container managers leave, read in the order of systemd's <c>detect_container()</c>.</summary>
internal static class ContainerMarks
{
    public static ContainerKind Detect(IMachineFiles files)
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
            return ContainerKind.Podman;
        }

        return files.Exists("/.dockerenv") ? ContainerKind.Docker : ContainerKind.None;
    }

    // The manager's own name is free text; it only selects a kind and is never kept.
    private static ContainerKind FromManagerName(string name) => name switch
    {
        "docker" => ContainerKind.Docker,
        "podman" => ContainerKind.Podman,
        "lxc" or "lxc-libvirt" => ContainerKind.Lxc,
        "systemd-nspawn" => ContainerKind.Nspawn,
        _ => ContainerKind.Other,
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
