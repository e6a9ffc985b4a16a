using Pinger.Server.Publishing;

namespace Pinger.Server.Dashboard;

/// <summary>
/// The report fields the page names, each spelled once: a probe renaming a field changes one line here, and the
/// charts, labels and the demo's synthetic fleet follow.
/// </summary>
public static class ReportFields
{
    /// <summary>The distribution (os-release <c>ID</c>).</summary>
    public const string OsId = "os-versions.id";

    /// <summary>The release (os-release <c>VERSION_ID</c>).</summary>
    public const string VersionId = PrivacyBudget.OsReleaseField;

    /// <summary>The edition (os-release <c>VARIANT_ID</c>).</summary>
    public const string Variant = "os-versions.variant_id";

    /// <summary>The Fedora CoreOS update stream.</summary>
    public const string Stream = "os-versions.stream";

    /// <summary>The exact build of an image-based system.</summary>
    public const string Build = "os-versions.version";

    /// <summary>The CPU architecture.</summary>
    public const string Arch = "os-versions.machine";

    /// <summary>The platform id (Ignition's, or the detected hypervisor).</summary>
    public const string Platform = PrivacyBudget.PlatformField;

    /// <summary>Where the platform id came from.</summary>
    public const string PlatformSource = "platform.source";

    /// <summary>Memory, a power of two.</summary>
    public const string Memory = "hardware.memory_bytes";

    /// <summary>Disk capacity, a power of two.</summary>
    public const string DiskTotal = "hardware.disk_total_bytes";

    /// <summary>Logical CPUs, bucketed.</summary>
    public const string LogicalCpus = "hardware.logical_cpus";

    /// <summary>The CPU's vendor.</summary>
    public const string CpuVendor = "hardware.cpu_vendor";

    /// <summary>UEFI or BIOS.</summary>
    public const string Firmware = "hardware.firmware";

    /// <summary>The cloud's machine size.</summary>
    public const string InstanceType = "instance-type.instance_type";

    /// <summary>Whether packages are layered on the image.</summary>
    public const string Layered = "layered-packages.layered";

    /// <summary>The release of the countme-tuple age buckets (not a report field: the server derives it).</summary>
    public const string Age = PrivacyBudget.AgePart;

    /// <summary>
    /// The order the shares section shows probes in: what a release manager asks first (release, platform, size)
    /// before what is detail (container engines, network). A probe not listed comes after these, by name.
    /// </summary>
    private static readonly string[] ProbeOrder =
        ["os-versions", "platform", "instance-type", "hardware", "layered-packages", "container-runtimes", "network"];

    /// <summary>The sort position of probe <paramref name="probeId"/> on the page.</summary>
    public static int PositionOf(string probeId) =>
        Array.IndexOf(ProbeOrder, probeId) is var i and >= 0 ? i : ProbeOrder.Length;
}
