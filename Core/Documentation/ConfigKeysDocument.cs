using System.Text;
using Pinger.Configuration;
using Pinger.Core.Config;

namespace Pinger.Core.Documentation;

/// <summary>
/// The table of config keys in docs/configuration.md, generated from <see cref="ConfigSchema"/> and kept
/// between two marker comments so the rest of the page stays hand-written. A test fails when it drifts.
/// </summary>
public static class ConfigKeysDocument
{
    /// <summary>The comment that opens the generated section.</summary>
    public const string BeginMarker = "<!-- BEGIN GENERATED: config keys (ConfigKeysDocument) -->";

    /// <summary>The comment that closes the generated section.</summary>
    public const string EndMarker = "<!-- END GENERATED: config keys -->";

    /// <summary>The generated section, markers included.</summary>
    public static string Write()
    {
        var text = new StringBuilder();
        text.AppendLine(BeginMarker);
        text.AppendLine("| Key | Type | Meaning |");
        text.AppendLine("|---|---|---|");
        foreach (var key in ClientConfigSchema.Instance.Keys)
        {
            var meaning = key.ReplacedBy is null ? key.Description : $"{key.Description} Prefer `{key.ReplacedBy}`.";
            text.AppendLine($"| `[{key.Section}]` `{key.Name}` | {key.Kind.ToString().ToLowerInvariant()} | {meaning} |");
        }

        text.AppendLine($"| `[{ConfigSchema.ProbesSection}.<id>]` `{ConfigSchema.ProbeEnabledKey}` | boolean | Runs (`true`) or skips (`false`) the probe `<id>`; see `pinger probes` for the ids. |");
        text.AppendLine($"| `[{ConfigSchema.ProbesSection}.<id>]` other keys | as declared | The probe's own settings, listed per probe in [metrics.md](metrics.md). |");
        text.Append(EndMarker);
        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The generated section as it stands in <paramref name="document"/>, or null when the markers are missing.</summary>
    public static string? Extract(string document)
    {
        var begin = document.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = document.IndexOf(EndMarker, StringComparison.Ordinal);
        return begin < 0 || end < begin ? null : document[begin..(end + EndMarker.Length)];
    }
}
