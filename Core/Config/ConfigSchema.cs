using Pinger.Plugins.Sdk;

namespace Pinger.Core.Config;

/// <summary>Every key Pinger accepts outside <c>[probes.&lt;id&gt;]</c> tables, and how each value is checked.</summary>
public static class ConfigSchema
{
    /// <summary>The table that holds one sub-table per probe.</summary>
    public const string ProbesSection = "probes";

    /// <summary>The key every probe table accepts to switch the probe on or off.</summary>
    public const string ProbeEnabledKey = "enabled";

    /// <summary>The level names, as written in config files and reports.</summary>
    public static IReadOnlyList<string> LevelNames { get; } = ["off", "minimal", "full"];

    /// <summary>The general keys.</summary>
    public static IReadOnlyList<ConfigKey> Keys { get; } =
    [
        new("reporting", "level", ConfigValueKind.String,
            "How much this machine reports: \"off\", \"minimal\" or \"full\".", CheckLevel),
        new("reporting", "server", ConfigValueKind.String,
            "Where reports are sent: an https URL (http only to a loopback address, for testing).", ServerUrl.Check),
        new("reporting", "enabled", ConfigValueKind.Boolean,
            "Kept from fedora-coreos-pinger: false turns reporting off.", ReplacedBy: "reporting.level = \"off\""),
        new("collecting", "level", ConfigValueKind.String,
            "Kept from fedora-coreos-pinger: the same as reporting.level.", CheckLevel, ReplacedBy: "reporting.level"),
    ];

    /// <summary>The sections that may appear as table headers.</summary>
    public static IReadOnlyList<string> Sections { get; } = Keys.Select(k => k.Section).Distinct().Append(ProbesSection).ToArray();

    /// <summary>Parses a level name; null for anything else.</summary>
    public static MetricsLevel? ParseLevel(string name) => name switch
    {
        "off" => MetricsLevel.Off,
        "minimal" => MetricsLevel.Minimal,
        "full" => MetricsLevel.Full,
        _ => null,
    };

    /// <summary>The name of a level as written in config files and reports.</summary>
    public static string LevelName(MetricsLevel level) => LevelNames[(int)level];

    private static (string, string)? CheckLevel(ConfigEntry entry)
    {
        var value = (string)entry.Value;
        if (ParseLevel(value) is not null)
        {
            return null;
        }

        var suggestion = NearestName.Find(value.ToLowerInvariant(), LevelNames);
        var hint = suggestion is null ? "use \"off\", \"minimal\" or \"full\"" : $"did you mean \"{suggestion}\"? Levels are \"off\", \"minimal\" and \"full\"";
        return ($"unknown level \"{value}\"", hint);
    }
}
