using System.Text;
using Pinger.Server.Configuration;

namespace Pinger.Server.Documentation;

/// <summary>The table of server config keys in docs/server.md, generated from <see cref="ServerConfigSchema"/>; a test fails when it drifts.</summary>
public static class ServerConfigKeysDocument
{
    /// <summary>The comment that opens the generated section.</summary>
    public const string BeginMarker = "<!-- BEGIN GENERATED: server config keys (ServerConfigKeysDocument) -->";

    /// <summary>The comment that closes the generated section.</summary>
    public const string EndMarker = "<!-- END GENERATED: server config keys -->";

    /// <summary>The generated section, markers included.</summary>
    public static string Write()
    {
        var text = new StringBuilder();
        text.Append(BeginMarker).Append('\n');
        text.Append("| Key | Type | Meaning |\n|---|---|---|\n");
        foreach (var key in ServerConfigSchema.Instance.Keys)
        {
            text.Append($"| `[{key.Section}]` `{key.Name}` | {key.Kind.ToString().ToLowerInvariant()} | {key.Description} |\n");
        }

        return text.Append(EndMarker).ToString();
    }

    /// <summary>The generated section as it stands in <paramref name="document"/>, or null when the markers are missing.</summary>
    public static string? Extract(string document)
    {
        var begin = document.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = document.IndexOf(EndMarker, StringComparison.Ordinal);
        return begin < 0 || end < begin ? null : document[begin..(end + EndMarker.Length)];
    }
}
