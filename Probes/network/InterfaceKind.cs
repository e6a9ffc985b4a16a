namespace Pinger.Probes.Network;

/// <summary>The kinds of network interface the probe counts; each has its own count field.</summary>
internal static class InterfaceKind
{
    public const string Ethernet = "ethernet";
    public const string Wifi = "wifi";
    public const string Bond = "bond";
    public const string Bridge = "bridge";
    public const string Team = "team";
    public const string Vlan = "vlan";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [Ethernet, Wifi, Bond, Bridge, Team, Vlan, Other];
}
