namespace Pinger.Probes.Network;

/// <summary>
/// Maps NetworkManager's <c>method</c> values to the reported tokens. A missing method is NetworkManager's
/// default, "auto". For IPv6, "auto" (router advertisements: SLAAC, DHCPv6 if the router says so) counts as dhcp,
/// and "ignore" (leave IPv6 to the kernel) as disabled. "shared" (connection sharing) and unknown values are other.
/// </summary>
internal static class AddressingMethod
{
    public const string Dhcp = "dhcp";
    public const string Static = "static";
    public const string Disabled = "disabled";
    public const string LinkLocal = "link-local";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [Dhcp, Static, Disabled, LinkLocal, Other];

    public static string FromIpv4(string? method) => method switch
    {
        null or "" or "auto" => Dhcp,
        "manual" => Static,
        "disabled" => Disabled,
        "link-local" => LinkLocal,
        _ => Other,
    };

    public static string FromIpv6(string? method) => method switch
    {
        null or "" or "auto" or "dhcp" => Dhcp,
        "manual" => Static,
        "disabled" or "ignore" => Disabled,
        "link-local" => LinkLocal,
        _ => Other,
    };
}
