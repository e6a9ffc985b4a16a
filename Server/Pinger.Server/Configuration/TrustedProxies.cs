using System.Net;

namespace Pinger.Server.Configuration;

/// <summary>
/// The reverse proxies whose X-Forwarded-For entries are believed. Any other peer could write whatever it likes in
/// that header, so for everyone else only the connection's own address counts.
/// </summary>
public sealed class TrustedProxies
{
    private readonly IPNetwork[] _networks;

    /// <summary>Proxies given as addresses ("10.0.0.5") or networks in CIDR notation ("10.0.0.0/24", "fd00::/8").</summary>
    public TrustedProxies(IEnumerable<string> addressesOrNetworks)
    {
        _networks = addressesOrNetworks.Select(Parse).ToArray();
    }

    /// <summary>No proxy is trusted.</summary>
    public static TrustedProxies None { get; } = new([]);

    /// <summary>Whether any proxy is configured.</summary>
    public bool IsEmpty => _networks.Length == 0;

    /// <summary>Whether <paramref name="text"/> is an address or a CIDR network; when not, <paramref name="problem"/> says why.</summary>
    public static bool IsValid(string text, out string? problem)
    {
        problem = IPNetwork.TryParse(text, out _) || IPAddress.TryParse(text, out _)
            ? null
            : $"'{text}' is neither an IP address nor a network in CIDR notation";
        return problem is null;
    }

    /// <summary>Whether <paramref name="address"/> is one of the trusted proxies.</summary>
    public bool Contains(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _networks.Any(network => network.Contains(plain));
    }

    private static IPNetwork Parse(string text)
    {
        if (IPNetwork.TryParse(text, out var network))
        {
            return network;
        }

        if (IPAddress.TryParse(text, out var address))
        {
            var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            return new IPNetwork(plain, plain.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }

        throw new FormatException($"'{text}' is neither an IP address nor a network in CIDR notation");
    }
}
