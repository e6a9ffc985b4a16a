using Pinger.Plugins.Sdk;

namespace Pinger.Probes.Network;

/// <summary>Every field the network probe emits, all at the full level.</summary>
internal static class NetworkFields
{
    public const string AddressingSourceField = "addressing_source";

    /// <summary>The count field of each interface kind, e.g. "bond_interfaces".</summary>
    public static string InterfaceCount(string kind) => $"{kind}_interfaces";

    /// <summary>The count field of an addressing method for "ipv4" or "ipv6", e.g. "ipv4_link_local".</summary>
    public static string MethodCount(string family, string method) => $"{family}_{method.Replace('-', '_')}";

    public static IReadOnlyList<string> Families { get; } = ["ipv4", "ipv6"];

    public static IReadOnlyList<FieldDeclaration> All { get; } =
    [
        .. InterfaceKind.All.Select(kind => FieldDeclaration.Integer(
            InterfaceCount(kind), MetricsLevel.Full,
            $"Network interfaces of kind {kind}, from /sys/class/net; the loopback and per-container veth interfaces are not counted.",
            Coarsen.CountValues)),
        FieldDeclaration.OneOf(
            AddressingSourceField, MetricsLevel.Full,
            "Where the addressing counts come from: NetworkManager keyfiles, NetworkManager's automatic defaults (inferred), or unknown (no counts).",
            AddressingSource.All, "one of a fixed set"),
        .. Families.SelectMany(family => AddressingMethod.All.Select(method => FieldDeclaration.Integer(
            MethodCount(family, method), MetricsLevel.Full,
            $"Connection profiles whose {family} addresses are configured by the {method} method (ports of bonds and bridges excluded).",
            Coarsen.CountValues))),
    ];
}
