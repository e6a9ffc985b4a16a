namespace Pinger.Probes.Network;

/// <summary>
/// The only parts of a NetworkManager connection profile the probe keeps. Names, SSIDs, keys, addresses and
/// DNS servers are dropped with the parsed file.
/// </summary>
/// <param name="Identity">The profile's uuid (or its file name), kept only so that a later profile with the same identity replaces an earlier one; never reported.</param>
/// <param name="Ipv4Method">The reported IPv4 method token, or null when the profile carries no addresses of its own.</param>
/// <param name="Ipv6Method">The reported IPv6 method token, or null likewise.</param>
internal sealed record ConnectionProfile(string Identity, string? Ipv4Method, string? Ipv6Method);
