using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Detection;

namespace Pinger.Probes.Platform;

/// <summary>The <c>ignition.platform.id</c> kernel argument Fedora CoreOS boots with.</summary>
internal static class IgnitionPlatform
{
    /// <summary>The platform ids Ignition and Afterburn know.</summary>
    public static IReadOnlyList<string> KnownIds { get; } =
    [
        "akamai", "aliyun", "applehv", "aws", "azure", "azurestack", "brightbox", "cloudstack", "digitalocean",
        "exoscale", "gcp", "hetzner", "hyperv", "ibmcloud", "kubevirt", "libvirt", "metal", "nutanix",
        "nvidiabluefield", "openstack", "oraclecloud", "packet", "powervs", "proxmoxve", "qemu", "scaleway",
        "upcloud", "virtualbox", "vmware", "vultr", "zvm",
    ];

    /// <summary>
    /// The known id, or "other" for an id not in <see cref="KnownIds"/>; null when the argument is absent or
    /// its first occurrence is empty, which both mean Ignition did not say.
    /// </summary>
    public static string? Read(IMachineFiles files)
    {
        var value = IgnitionPlatformId.Read(files);
        return value is null ? null : Coarsen.AllowListed(value, KnownIds, PlatformIds.Other);
    }
}
