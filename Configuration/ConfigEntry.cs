namespace Pinger.Configuration;

/// <summary>One key set in one config file: its full dotted path, its value, and where it was written.</summary>
/// <param name="Path">Key segments, e.g. ["probes", "platform", "enabled"].</param>
/// <param name="Kind">The TOML type of the value.</param>
/// <param name="Value">string, long, double, bool, or the raw text for other kinds.</param>
/// <param name="Location">Where the key was written.</param>
public sealed record ConfigEntry(IReadOnlyList<string> Path, ConfigValueKind Kind, object Value, SourceLocation Location)
{
    /// <summary>The dotted key, e.g. <c>probes.platform.enabled</c>.</summary>
    public string Key => string.Join('.', Path);

    /// <summary>The value as a config file would show it, for explanations; credentials in a URL are hidden.</summary>
    public string DisplayValue => Kind switch
    {
        ConfigValueKind.String => $"\"{CredentialRedactor.Redact((string)Value)}\"",
        ConfigValueKind.Boolean => (bool)Value ? "true" : "false",
        _ => Convert.ToString(Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
