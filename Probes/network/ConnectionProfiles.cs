using Pinger.Plugins.Sdk;

namespace Pinger.Probes.Network;

/// <summary>
/// NetworkManager's keyfile profiles: <c>/etc/NetworkManager/system-connections/*.nmconnection</c> (the admin's)
/// and <c>/run/NetworkManager/system-connections/*.nmconnection</c> (runtime ones, e.g. from the initramfs), the
/// runtime one winning when both have the same uuid, as NetworkManager does. Ports of a bond, bridge, team or
/// Open vSwitch bridge (a <c>master</c>/<c>controller</c> is set), Open vSwitch bridges and ports, and the loopback
/// carry no addresses of their own and are counted for neither IPv4 nor IPv6. The exception is an Open vSwitch
/// interface: it is a port of an Open vSwitch port and still holds the addresses of the bridge. Secrets in the
/// profiles are skipped while reading (see <see cref="ProfileKeyfile"/>).
/// </summary>
internal static class ConnectionProfiles
{
    private static readonly string[] Directories = ["/etc/NetworkManager/system-connections", "/run/NetworkManager/system-connections"];

    private static readonly string[] TypesWithoutAddresses = ["ovs-bridge", "ovs-port", "loopback"];

    /// <summary>Every readable profile, one per uuid.</summary>
    public static IReadOnlyList<ConnectionProfile> Read(IMachineFiles files)
    {
        var profiles = new Dictionary<string, ConnectionProfile>(StringComparer.Ordinal);
        foreach (var directory in Directories)
        {
            foreach (var name in files.ListDirectory(directory).Where(n => n.EndsWith(".nmconnection", StringComparison.Ordinal)))
            {
                if (files.ReadText($"{directory}/{name}") is { } text)
                {
                    var profile = FromKeyFile(ProfileKeyfile.Parse(text), name);
                    profiles[profile.Identity] = profile;
                }
            }
        }

        return profiles.Values.ToArray();
    }

    private static ConnectionProfile FromKeyFile(ProfileKeyfile file, string fileName)
    {
        var identity = file.Get("connection", "uuid") is { Length: > 0 } uuid ? uuid : fileName;
        var type = file.Get("connection", "type");
        var hasController = !string.IsNullOrEmpty(file.Get("connection", "master")) || !string.IsNullOrEmpty(file.Get("connection", "controller"));
        if ((hasController && type != "ovs-interface") || TypesWithoutAddresses.Contains(type))
        {
            return new ConnectionProfile(identity, null, null);
        }

        return new ConnectionProfile(identity, AddressingMethod.FromIpv4(file.Get("ipv4", "method")), AddressingMethod.FromIpv6(file.Get("ipv6", "method")));
    }
}
