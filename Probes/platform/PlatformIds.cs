namespace Pinger.Probes.Platform;

/// <summary>
/// Every value of the <c>id</c> field: Ignition's ids, the detected kinds (named as systemd-detect-virt names
/// them, containers prefixed with "container-"), and the two fallbacks.
/// </summary>
internal static class PlatformIds
{
    public const string None = "none";
    public const string Kvm = "kvm";
    public const string Qemu = "qemu";
    public const string Vmware = "vmware";
    public const string Microsoft = "microsoft";
    public const string Xen = "xen";
    public const string Oracle = "oracle";
    public const string Amazon = "amazon";
    public const string Google = "google";
    public const string Bochs = "bochs";
    public const string Parallels = "parallels";
    public const string Bhyve = "bhyve";
    public const string Apple = "apple";
    public const string VmOther = "vm-other";
    public const string ContainerDocker = "container-docker";
    public const string ContainerPodman = "container-podman";
    public const string ContainerLxc = "container-lxc";
    public const string ContainerNspawn = "container-nspawn";
    public const string ContainerOther = "container-other";
    public const string Other = "other";
    public const string Unknown = "unknown";

    /// <summary>What detection can report, besides <see cref="Unknown"/>.</summary>
    public static IReadOnlyList<string> Detected { get; } =
    [
        None, Kvm, Qemu, Vmware, Microsoft, Xen, Oracle, Amazon, Google, Bochs, Parallels, Bhyve, Apple, VmOther,
        ContainerDocker, ContainerPodman, ContainerLxc, ContainerNspawn, ContainerOther,
    ];

    /// <summary>The complete allow-list of the field.</summary>
    public static IReadOnlyList<string> All { get; } =
        IgnitionPlatform.KnownIds.Concat(Detected).Append(Other).Append(Unknown).Distinct(StringComparer.Ordinal).ToArray();
}
