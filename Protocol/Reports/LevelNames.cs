using Pinger.Plugins.Sdk;

namespace Pinger.Protocol.Reports;

/// <summary>The level names as written in config files and reports.</summary>
public static class LevelNames
{
    /// <summary>Every level name, lowest first.</summary>
    public static IReadOnlyList<string> All { get; } = ["off", "minimal", "full"];

    /// <summary>Parses a level name; null for anything else.</summary>
    public static MetricsLevel? Parse(string name) => name switch
    {
        "off" => MetricsLevel.Off,
        "minimal" => MetricsLevel.Minimal,
        "full" => MetricsLevel.Full,
        _ => null,
    };

    /// <summary>The name of <paramref name="level"/>.</summary>
    public static string Of(MetricsLevel level) => All[(int)level];
}
