namespace Pinger.Plugins.Sdk.Parsing;

/// <summary>
/// An INI-style file as GLib key files are written (NetworkManager's <c>.nmconnection</c> profiles, desktop
/// entries): <c>[section]</c> headers, <c>key=value</c> lines, <c>#</c> comments. Keys before the first header
/// belong to the section named "". Values are kept raw, without unescaping or list splitting: enough for comparing
/// a few fixed keys. A key set twice in a section keeps its last value.
/// </summary>
public sealed class IniFile
{
    private readonly Dictionary<(string Section, string Key), string> _values = [];

    private IniFile()
    {
    }

    /// <summary>Parses <paramref name="text"/>; lines without a key before "=" and unknown lines are skipped.</summary>
    public static IniFile Parse(string text) => Parse(text, static (_, _) => true);

    /// <summary>
    /// Parses <paramref name="text"/>, keeping only the keys <paramref name="keep"/> accepts (given the section, then the
    /// key): every other line is skipped as it is read, so a caller that must never hold a secret the file may carry
    /// (a Wi-Fi key, a password) never does.
    /// </summary>
    public static IniFile Parse(string text, Func<string, string, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(keep);
        var file = new IniFile();
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
            if (equals > 0 && line[..equals].Trim() is var key && keep(section, key))
            {
                file._values[(section, key)] = line[(equals + 1)..].Trim();
            }
        }

        return file;
    }

    /// <summary>The value of <paramref name="key"/> in <paramref name="section"/> (both case-sensitive), or null when absent.</summary>
    public string? Get(string section, string key) => _values.GetValueOrDefault((section, key));

    /// <summary>Every value kept, in no particular order.</summary>
    public IEnumerable<string> Values => _values.Values;
}
