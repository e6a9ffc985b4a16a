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

    private readonly Dictionary<(string Section, string Key), string> _values = [];

    private ProfileKeyfile()
    {
    }

    /// <summary>Every value kept, for tests that check no secret is among them.</summary>
    public IEnumerable<string> KeptValues => _values.Values;

    /// <summary>Reads the needed settings of <paramref name="text"/> as GLib key files are written; a key set twice keeps its last value.</summary>
    public static ProfileKeyfile Parse(string text)
    {
        var keyfile = new ProfileKeyfile();
        var section = string.Empty;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                section = line[1..^1].Trim();
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && Needed.Contains((section, line[..equals].Trim())))
            {
                keyfile._values[(section, line[..equals].Trim())] = line[(equals + 1)..].Trim();
            }
        }

        return keyfile;
    }

    /// <summary>The value of a needed <paramref name="key"/> in <paramref name="section"/>, or null when absent or not needed.</summary>
    public string? Get(string section, string key) => _values.GetValueOrDefault((section, key));
}
