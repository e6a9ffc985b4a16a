using Pinger.Plugins.Sdk;
using Pinger.Plugins.Sdk.Parsing;

namespace Pinger.Probes.Network;

/// <summary>
/// Tells the kind of an interface under <c>/sys/class/net</c> from what the kernel shows, never from its name
/// alone. Bonds, bridges and Wi-Fi have their own sysfs directories or links; VLANs say so in <c>uevent</c> and in
/// <c>/proc/net/vlan/config</c>; the team driver leaves no mark in sysfs, so a team is an interface teamd keeps a
/// pid file for (<c>/run/teamd/NAME.pid</c>). An interface backed by a device (a <c>device</c> link) is hardware:
/// ethernet when its ARP type is 1, other otherwise (InfiniBand, CAN...).
/// Skipped: the loopback, and per-container plumbing: a virtual ethernet-type interface paired with an interface
/// elsewhere (its <c>iflink</c> differs from its <c>ifindex</c>: veth, macvlan, ipvlan) or named veth*. Container and
/// VM bridges (docker0, virbr0, cni0) are bridges and are counted; other virtual interfaces (tunnels, WireGuard,
/// Open vSwitch ports, dummies) are "other".
/// </summary>
internal sealed class InterfaceClassifier(IMachineFiles files, IReadOnlySet<string> vlanNames)
{
    private const string ArpEthernet = "1";
    private const string ArpLoopback = "772";

    /// <summary>The kind of interface <paramref name="name"/>, or null when it is not counted.</summary>
    public string? Classify(string name)
    {
        var directory = $"/sys/class/net/{name}";
        var type = files.ReadTrimmed($"{directory}/type");
        if (name == "lo" || type == ArpLoopback)
        {
            return null;
        }

        var deviceType = DeviceType(directory);
        if (files.IsDirectory($"{directory}/bonding") || deviceType == "bond")
        {
            return InterfaceKind.Bond;
        }

        if (files.IsDirectory($"{directory}/bridge") || deviceType == "bridge")
        {
            return InterfaceKind.Bridge;
        }

        if (files.IsDirectory($"{directory}/wireless") || files.Exists($"{directory}/phy80211") || deviceType == "wlan")
        {
            return InterfaceKind.Wifi;
        }

        if (deviceType == "vlan" || vlanNames.Contains(name))
        {
            return InterfaceKind.Vlan;
        }

        if (files.Exists($"/run/teamd/{name}.pid"))
        {
            return InterfaceKind.Team;
        }

        if (files.Exists($"{directory}/device"))
        {
            return type == ArpEthernet ? InterfaceKind.Ethernet : InterfaceKind.Other;
        }

        return IsContainerPlumbing(name, directory, type) ? null : InterfaceKind.Other;
    }

    private bool IsContainerPlumbing(string name, string directory, string? type)
    {
        if (name.StartsWith("veth", StringComparison.Ordinal))
        {
            return true;
        }

        var index = files.ReadInteger($"{directory}/ifindex");
        var link = files.ReadInteger($"{directory}/iflink");
        return type == ArpEthernet && index is not null && link is not null && index != link;
    }

    private string? DeviceType(string directory) =>
        files.ReadText($"{directory}/uevent") is { } uevent ? KeyValueFile.Parse(uevent).GetValueOrDefault("DEVTYPE") : null;
}
