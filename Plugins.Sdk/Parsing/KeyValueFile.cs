using System.Text;

namespace Pinger.Plugins.Sdk.Parsing;

/// <summary>
/// Reads shell-style <c>KEY=value</c> files such as os-release and Afterburn's attributes: one assignment a
/// line, <c>#</c> comments, values optionally in single or double quotes (backslash escapes inside double quotes).
/// Malformed lines are skipped, as systemd does; a key set twice keeps its last value.
/// </summary>
public static class KeyValueFile
{
    /// <summary>Parses <paramref name="text"/> into a key → value map (keys are case-sensitive).</summary>
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var key = line[..equals].Trim();
            if (!IsValidKey(key))
            {
                continue;
            }

            var value = Unquote(line[(equals + 1)..].Trim());
            if (value is not null)
            {
                values[key] = value;
            }
        }

        return values;
    }

    private static bool IsValidKey(string key) =>
        key.Length > 0 && !char.IsAsciiDigit(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    // Returns null for an unterminated quote, so a broken line is skipped rather than half-read.
    private static string? Unquote(string value)
    {
        if (value.Length == 0 || (value[0] != '"' && value[0] != '\''))
        {
            return value;
        }

        var quote = value[0];
        var result = new StringBuilder();
        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (c == quote)
            {
                return result.ToString();
            }

            if (c == '\\' && quote == '"' && i + 1 < value.Length)
            {
                c = value[++i];
            }

            result.Append(c);
        }

        return null;
    }
}
