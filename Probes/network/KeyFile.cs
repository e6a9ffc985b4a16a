namespace Pinger.Probes.Network;

/// <summary>
/// A GLib key file as NetworkManager writes its connection profiles: <c>[section]</c> headers, <c>key=value</c>
/// lines, <c>#</c> comments. Values are kept raw (no unescaping): the probe only compares a few fixed keys.
/// A key set twice in a section keeps its last value.
/// </summary>
internal sealed class KeyFile
{
    private readonly Dictionary<(string Section, string Key), string> _values = [];

    private KeyFile()
    {
    }

    public static KeyFile Parse(string text)
    {
        var file = new KeyFile();
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
            if (equals > 0)
            {
                file._values[(section, line[..equals].Trim())] = line[(equals + 1)..].Trim();
            }
        }

        return file;
    }

    /// <summary>The value of <paramref name="key"/> in <paramref name="section"/>, or null when absent.</summary>
    public string? Get(string section, string key) => _values.GetValueOrDefault((section, key));
}
