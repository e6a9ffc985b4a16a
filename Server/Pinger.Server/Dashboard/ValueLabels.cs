using System.Globalization;

namespace Pinger.Server.Dashboard;

/// <summary>
/// The words people use for the values probes report: "bare metal" for platform <c>none</c> (what detection
/// reports on hardware) and <c>metal</c> (Ignition's id), "Fedora CoreOS" for variant <c>coreos</c> of Fedora,
/// "8 GiB" for memory 8589934592 bytes. The raw value stays in the page's data attributes and downloads; only the text changes.
/// </summary>
public static class ValueLabels
{
    /// <summary>What a missing fact is shown as.</summary>
    public const string NotReported = "not reported";

    // libdnf's wording of countme's buckets (docs/reporting.md).
    private static readonly string[] AgeLabels = ["first week", "first month", "first six months", "more than six months"];

    private static readonly Dictionary<string, string> Distributions = new(StringComparer.Ordinal)
    {
        ["fedora"] = "Fedora", ["rhel"] = "RHEL", ["centos"] = "CentOS Stream", ["rhcos"] = "RHCOS",
        ["almalinux"] = "AlmaLinux", ["rocky"] = "Rocky Linux", ["debian"] = "Debian", ["ubuntu"] = "Ubuntu",
    };

    // Fedora's editions and spins by VARIANT_ID, as fedoraproject.org names them.
    private static readonly Dictionary<string, string> Editions = new(StringComparer.Ordinal)
    {
        ["coreos"] = "CoreOS", ["silverblue"] = "Silverblue", ["kinoite"] = "Kinoite", ["iot"] = "IoT",
        ["workstation"] = "Workstation", ["server"] = "Server", ["cloud"] = "Cloud", ["kde"] = "KDE Plasma",
        ["sericea"] = "Sway Atomic", ["onyx"] = "Budgie Atomic", ["xfce"] = "Xfce", ["container"] = "container image",
    };

    // Ignition's ids and systemd-detect-virt's names, as the vendors name their products.
    private static readonly Dictionary<string, string> Platforms = new(StringComparer.Ordinal)
    {
        ["none"] = "bare metal", ["metal"] = "bare metal", ["aws"] = "AWS", ["amazon"] = "AWS", ["gcp"] = "Google Cloud",
        ["google"] = "Google Cloud", ["azure"] = "Azure", ["azurestack"] = "Azure Stack", ["microsoft"] = "Hyper-V",
        ["hyperv"] = "Hyper-V", ["qemu"] = "QEMU", ["kvm"] = "KVM", ["libvirt"] = "libvirt", ["vmware"] = "VMware",
        ["oracle"] = "VirtualBox", ["virtualbox"] = "VirtualBox", ["openstack"] = "OpenStack", ["digitalocean"] = "DigitalOcean",
        ["hetzner"] = "Hetzner", ["ibmcloud"] = "IBM Cloud", ["oraclecloud"] = "Oracle Cloud", ["aliyun"] = "Alibaba Cloud",
        ["exoscale"] = "Exoscale", ["vultr"] = "Vultr", ["akamai"] = "Akamai", ["scaleway"] = "Scaleway", ["upcloud"] = "UpCloud",
        ["proxmoxve"] = "Proxmox VE", ["nutanix"] = "Nutanix", ["kubevirt"] = "KubeVirt", ["xen"] = "Xen", ["applehv"] = "Apple HV",
        ["container-docker"] = "Docker container", ["container-podman"] = "Podman container", ["container-lxc"] = "LXC container",
        ["container-nspawn"] = "systemd-nspawn container", ["container-other"] = "other container", ["vm-other"] = "other VM",
    };

    /// <summary>The distribution's short name for os-release ID <paramref name="osId"/>.</summary>
    public static string Distribution(string osId) => Distributions.GetValueOrDefault(osId, osId);

    /// <summary>
    /// The label of <paramref name="value"/> of <paramref name="field"/>. <paramref name="osId"/> is the one
    /// distribution every published machine of the range runs, when there is one: releases and editions are then
    /// named after it ("Fedora 43", "Fedora CoreOS"); otherwise they stay as reported.
    /// </summary>
    public static string Of(string field, string value, string? osId = null)
    {
        if (value.Length == 0)
        {
            return NotReported;
        }

        var distribution = osId is null ? null : Distribution(osId);
        return field switch
        {
            ReportFields.OsId => Distribution(value),
            ReportFields.VersionId => distribution is null ? value : distribution + " " + value,
            ReportFields.Variant => Editions.TryGetValue(value, out var edition) && osId == "fedora" ? "Fedora " + edition : Editions.GetValueOrDefault(value, value),
            ReportFields.Platform => Platforms.GetValueOrDefault(value, value),
            ReportFields.Memory or ReportFields.DiskTotal => Gibibytes(value),
            ReportFields.Age => AgeLabel(value),
            _ => value,
        };
    }

    /// <summary>The label of a countme release: "Fedora 33", "Fedora 41" ("Fedora Linux" is what os-release calls it since 35).</summary>
    public static string CountmeRelease(string osName, string version)
    {
        var name = osName == "Fedora Linux" ? "Fedora" : osName;
        return (name, version) switch
        {
            ("", "") => NotReported,
            (_, "") => name,
            ("", _) => version,
            _ => name + " " + version,
        };
    }

    /// <summary>The label of a countme edition: os_variant "coreos" of Fedora is "Fedora CoreOS", "generic" is "no edition".</summary>
    public static string CountmeVariant(string osName, string variant) =>
        variant is "" or "generic" ? "no edition" : Of(ReportFields.Variant, variant, osName.StartsWith("Fedora", StringComparison.Ordinal) ? "fedora" : null);

    /// <summary>Age buckets keep their natural order on charts; other series go by size.</summary>
    public static int AgeOrder(string label) => Array.IndexOf(AgeLabels, label) is var i and >= 0 ? i : AgeLabels.Length;

    private static string AgeLabel(string sysAge) =>
        int.TryParse(sysAge, NumberStyles.None, CultureInfo.InvariantCulture, out var bucket) && bucket is >= 1 and <= 4
            ? AgeLabels[bucket - 1]
            : "age bucket " + sysAge;

    // Memory and disk are reported in bytes, bucketed to powers of two GiB: a reader wants "64 GiB" or "1 TiB".
    private static string Gibibytes(string value)
    {
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) || bytes % (1L << 30) != 0 || bytes == 0)
        {
            return value + " bytes";
        }

        var gib = bytes >> 30;
        return gib % 1024 == 0
            ? (gib / 1024).ToString(CultureInfo.InvariantCulture) + " TiB"
            : gib.ToString(CultureInfo.InvariantCulture) + " GiB";
    }
}
