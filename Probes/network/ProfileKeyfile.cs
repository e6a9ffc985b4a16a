using Pinger.Plugins.Sdk.Parsing;

namespace Pinger.Probes.Network;

/// <summary>
/// The few settings of a NetworkManager keyfile the probe needs, read line by line. A keyfile also holds Wi-Fi keys,
/// 802.1X and VPN passwords and WireGuard private keys (<c>[wifi-security]</c>, <c>[802-1x]</c>, <c>[vpn-secrets]</c>,
/// <c>[wireguard]</c>, …): every line outside the settings below is skipped as it is read, so no secret is ever
/// kept, not even for the length of the parse.
/// </summary>
internal sealed class ProfileKeyfile
{
    // Only these (section, key) pairs are kept; none of them can hold a secret.
    private static readonly HashSet<(string Section, string Key)> Needed =
    [
        ("connection", "uuid"), ("connection", "type"), ("connection", "master"), ("connection", "controller"),
        ("ipv4", "method"), ("ipv6", "method"),
    ];

    private readonly IniFile _file;

    private ProfileKeyfile(IniFile file) => _file = file;

    /// <summary>Every value kept, for tests that check no secret is among them.</summary>
    public IEnumerable<string> KeptValues => _file.Values;

    /// <summary>Reads the needed settings of <paramref name="text"/> as GLib key files are written; a key set twice keeps its last value.</summary>
    public static ProfileKeyfile Parse(string text) => new(IniFile.Parse(text, static (section, key) => Needed.Contains((section, key))));

    /// <summary>The value of a needed <paramref name="key"/> in <paramref name="section"/>, or null when absent or not needed.</summary>
    public string? Get(string section, string key) => _file.Get(section, key);
}
