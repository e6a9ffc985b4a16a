namespace Pinger.Core.Documentation;

/// <summary>
/// Where node_exporter reports a fact a default probe reports, and why the two still differ, for the table in
/// docs/metrics.md. Pinger's field names follow node_exporter's labels and OpenMetrics' base units wherever the fact is
/// the same; what is left here is the coarsening, or a fact node_exporter does not have.
/// </summary>
public static class NodeExporterEquivalents
{
    private const string NoContainers = "none: node_exporter does not look at container engines";
    private const string NoPackages = "none: node_exporter does not read rpm-ostree's deployments";
    private const string NoProfiles = "none: node_exporter does not read NetworkManager's connection profiles";
    private const string Bucketed = "bucketed (0, 1, 2, 5, 10…), as every count Pinger sends";

    private static readonly Dictionary<string, (string NodeExporter, string Difference)> Known = new(StringComparer.Ordinal)
    {
        ["container-runtimes.installed"] = ("—", NoContainers),
        ["container-runtimes.active"] = ("—", NoContainers),
        ["container-runtimes.podman_containers"] = ("—", NoContainers),
        ["container-runtimes.docker_containers"] = ("—", NoContainers),
        ["container-runtimes.containerd_containers"] = ("—", NoContainers),
        ["container-runtimes.crio_containers"] = ("—", NoContainers),
        ["hardware.cpu_vendor"] = ("`node_cpu_info` `vendor`", "node_exporter gives the raw vendor id (GenuineIntel); Pinger maps it to a short list of lower-case makers"),
        ["hardware.cpu_family"] = ("—", "a different fact: `node_cpu_info`'s `family` is the numeric CPU family (6), Pinger's the product family word (xeon), hence its own name"),
        ["hardware.logical_cpus"] = ("`count(node_cpu_seconds_total{mode=\"idle\"})`", "rounded down to a power of two; node_exporter has one series per CPU, not a count"),
        ["hardware.memory_bytes"] = ("`node_memory_MemTotal_bytes`", "rounded to a power of two and down to whole GiB"),
        ["hardware.firmware"] = ("—", "none: node_exporter does not tell UEFI from legacy BIOS boot"),
        ["hardware.disks"] = ("`count(node_disk_info)`", Bucketed + "; partitions, device-mapper, md RAID, loop, RAM, optical, network and removable devices are not disks"),
        ["hardware.disk_total_bytes"] = ("—", "none: node_exporter has no block device size (`node_filesystem_size_bytes` is per file system); rounded to a power of two of whole GiB"),
        ["hardware.rotational_disks"] = ("—", "none as a count: node_exporter does not count disks by their rotational flag"),
        ["hardware.solid_state_disks"] = ("—", "none as a count: node_exporter does not count disks by their rotational flag"),
        ["hardware.system_vendor"] = ("`node_dmi_info` `system_vendor`", "mapped to a short allow-list of lower-case makers (dell for Dell Inc.), anything else other; `product_name` and serials are never sent"),
        ["instance-type.instance_type"] = ("—", "none: node_exporter does not read cloud metadata"),
        ["instance-type.source"] = ("—", "Pinger's own: where the instance type came from"),
        ["layered-packages.layered"] = ("—", NoPackages),
        ["layered-packages.layered_packages"] = ("—", NoPackages),
        ["layered-packages.overridden_packages"] = ("—", NoPackages),
        ["layered-packages.packages"] = ("—", NoPackages),
        ["layered-packages.unlisted_packages"] = ("—", NoPackages),
        ["network.addressing_source"] = ("—", NoProfiles),
        ["os-versions.id"] = ("`node_os_info` `id`", "the same os-release value; left out when it does not match its pattern"),
        ["os-versions.version_id"] = ("`node_os_info` `version_id`", "the same os-release value; left out when it does not match its pattern"),
        ["os-versions.variant_id"] = ("`node_os_info` `variant_id`", "the same os-release value; left out when it does not match its pattern"),
        ["os-versions.version"] = ("—", "a different fact: `node_os_info`'s `version` is os-release's free-text VERSION, which Pinger never reads; Pinger's is OSTREE_VERSION"),
        ["os-versions.original_version"] = ("—", "none: node_exporter does not read the install-time aleph file"),
        ["os-versions.stream"] = ("—", "none: node_exporter does not read the update stream"),
        ["os-versions.machine"] = ("`node_uname_info` `machine`", "one of a fixed list of architectures, anything else other"),
        ["platform.id"] = ("—", "none: node_exporter does not name the cloud or hypervisor (`node_dmi_info`'s vendor and product only hint at it)"),
        ["platform.source"] = ("—", "Pinger's own: where the platform id came from"),
    };

    /// <summary>node_exporter's metric and label for <paramref name="probeId"/>.<paramref name="field"/>, and why they differ.</summary>
    public static (string NodeExporter, string Difference) For(string probeId, string field)
    {
        if (Known.TryGetValue(probeId + "." + field, out var known))
        {
            return known;
        }

        // Network interface and addressing counts are many fields of two kinds.
        if (probeId == "network" && field.EndsWith("_interfaces", StringComparison.Ordinal))
        {
            return ("`count(node_network_info)`", "counted per kind (ethernet, wifi, bond…), which node_exporter does not tell; loopback and veth left out; " + Bucketed);
        }

        if (probeId == "network" && (field.StartsWith("ipv4_", StringComparison.Ordinal) || field.StartsWith("ipv6_", StringComparison.Ordinal)))
        {
            return ("—", NoProfiles);
        }

        return ("—", "not a default probe's field: its probe's documentation says what it is");
    }
}
